// Package std returns a render.Registry holding the renderers of this
// module with their default options: "text" (render/text, as official
// documents print numbers), "xlsx" (render/xlsx), "html" (render/html) and
// "csv" (render.CSV).
//
// It exists for programs that want every format without choosing; a
// program that wants other options, or not to link excelize (render/xlsx is
// the only package that imports it), builds its own registry:
//
//	reg := render.NewRegistry()
//	reg.Register(text.New(text.Options{Width: 100, Style: text.ASCIIStyle}))
//	reg.Register(render.CSV{Comma: ';'})
package std

import (
	"github.com/baocaodinhky/vpcp/render"
	"github.com/baocaodinhky/vpcp/render/html"
	"github.com/baocaodinhky/vpcp/render/text"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// Registry returns a new registry with the text, xlsx, html and csv
// renderers.
// Each call returns a registry of its own, so a program may add renderers
// to it without affecting any other caller.
func Registry() *render.Registry {
	reg := render.NewRegistry()
	for _, r := range []render.Renderer{
		text.New(text.DefaultOptions()),
		xlsx.New(xlsx.Options{}),
		html.New(html.Options{}),
		render.CSV{},
	} {
		if err := reg.Register(r); err != nil {
			// The names are distinct and non-empty: this cannot
			// happen unless a renderer's Format changes.
			panic("render/std: " + err.Error())
		}
	}
	return reg
}
