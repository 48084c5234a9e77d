package render_test

import (
	"errors"
	"fmt"

	"github.com/baocaodinhky/vpcp/kstt/layout"
	"github.com/baocaodinhky/vpcp/render"
)

// CheckSheets is what a renderer calls before writing anything: a nil sheet
// among those given is an error, so nothing half-written reaches the user.
func ExampleCheckSheets() {
	fmt.Println(render.CheckSheets([]*layout.Sheet{smallSheet()}))
	err := render.CheckSheets([]*layout.Sheet{smallSheet(), nil})
	fmt.Println(errors.Is(err, render.ErrNilSheet), err)
	fmt.Println(render.CheckSheets(nil))
	// Output:
	// <nil>
	// true render: sheet 2: nil sheet
	// <nil>
}
