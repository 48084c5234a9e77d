package decl

import (
	_ "embed"
	"go/doc/comment"
	goparser "go/parser"
	"go/token"
	"io"
)

//go:embed doc.go
var docSource string

// WriteReference writes the reference of the declaration language — this
// package's documentation — as Markdown, headings from level 2. Package
// bieu generates DECLARATIONS.md with it.
func WriteReference(w io.Writer) error {
	f, err := goparser.ParseFile(token.NewFileSet(), "doc.go", docSource, goparser.ParseComments|goparser.PackageClauseOnly)
	if err != nil {
		return err
	}
	var p comment.Parser
	doc := p.Parse(f.Doc.Text())
	pr := comment.Printer{HeadingLevel: 2, HeadingID: func(*comment.Heading) string { return "" }}
	_, err = w.Write(pr.Markdown(doc))
	return err
}
