package bieu

import (
	"embed"
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt/decl"
)

// The official forms are declared once, as data, in forms/*.json (the
// language of package kstt/decl, DECLARATIONS.md): columns with their
// labels and numbers, row structure and rules. They are compiled once,
// when the package is initialised, into the declarations Fill, Check, the
// readers and the renderers read.
//
//go:embed forms/*.json
var formFiles embed.FS

// officialForm compiles the embedded declaration forms/name; the files
// are the package's own, so an error is a bug the tests catch.
func officialForm(name string) *decl.Schema {
	data, err := formFiles.ReadFile("forms/" + name)
	if err != nil {
		panic(fmt.Sprintf("bieu: %v", err))
	}
	s, err := decl.Parse(data)
	if err != nil {
		panic(fmt.Sprintf("bieu: forms/%s: %v", name, err))
	}
	return s
}

var (
	schemaII06a = officialForm("ii06a.json")
	schemaII06b = officialForm("ii06b.json")
	schemaII07b = officialForm("ii07b.json")
	schemaII08  = officialForm("ii08.json")

	specII06a = schemaII06a.Spec()
	specII06b = schemaII06b.Spec()
	specII07b = schemaII07b.Spec()
	specII08  = schemaII08.Spec()
)
