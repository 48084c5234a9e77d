package main

import (
	"os"
	"strings"
	"testing"
)

var forms = []string{"../../bieu/forms/ii06a.json", "../../bieu/forms/ii06b.json", "../../bieu/forms/ii07b.json", "../../bieu/forms/ii08.json"}

func officialNames() (rows, formNames rowNames) {
	rows = rowNames{"II.06a": "II06aRow", "II.06b": "II06aRow", "II.07b/I": "II07bDeskRow", "II.07b/II": "II07bOnSpotRow", "II.08": "II08Row"}
	formNames = rowNames{"II.06a": "II06a", "II.06b": "II06b", "II.07b": "II07b", "II.08": "II08"}
	return rows, formNames
}

// The generated file is what bieu ships: the form and row structs in the
// shapes the declarations give (go generate and the CI's git diff keep the
// file fresh; this pins the shapes themselves).
func TestShapes(t *testing.T) {
	rows, formNames := officialNames()
	src, err := generate("bieu", rows, formNames, forms)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, want := range []string{
		"type II06a struct {\n\tHeader kstt.Header `json:\"header\"`\n\tRows   []II06aRow  `json:\"rows\"`",
		"type II06b struct {\n\tHeader kstt.Header  `json:\"header\"`\n\tLevels []II06bLevel `json:\"levels\"`",
		"type II07b struct {\n\tHeader kstt.Header `json:\"header\"`\n\tPartI  II07bPartI  `json:\"part_i\"`\n\tPartII II07bPartII `json:\"part_ii\"`",
		"type II08Section struct {",
		"Levels []II08Level `json:\"levels\"`",
		"Online         int64  `json:\"online\" kstt:\"4\"`",
		`printed in (2): "CẤP TỈNH", "CẤP HUYỆN", "CẤP XÃ"`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("generated source lacks %q", want)
		}
	}
	shipped, err := os.ReadFile("../../bieu/forms_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(shipped), "type II06a struct {") {
		t.Error("bieu/forms_gen.go does not declare II06a")
	}
}

func TestErrors(t *testing.T) {
	rows, formNames := officialNames()
	delete(rows, "II.07b/II")
	if _, err := generate("bieu", rows, formNames, forms); err == nil || !strings.Contains(err.Error(), "II.07b/II") {
		t.Errorf("a part without -row: %v", err)
	}
	rows, formNames = officialNames()
	formNames["II.99"] = "II99"
	if _, err := generate("bieu", rows, formNames, forms); err == nil || !strings.Contains(err.Error(), "-form II.99") {
		t.Errorf("a -form naming no declaration: %v", err)
	}
	if _, err := generate("bieu", rows, rowNames{}, []string{"no-such.json"}); err == nil {
		t.Error("a missing file gives no error")
	}
}
