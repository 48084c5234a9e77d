package xlsxsheet

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// tokens lists the tokens of an input as the tokenizer gives them, or its
// error.
func tokens(in []byte, r io.Reader) ([]string, error) {
	if r == nil {
		r = bytes.NewReader(in)
	}
	t := newTokenizer(r)
	var out []string
	for {
		err := t.next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t.kind {
		case tokStart:
			s := "<" + string(t.name)
			for i := range t.attrs {
				v, err := t.attrValue(i)
				if err != nil {
					return out, err
				}
				s += fmt.Sprintf(" %s=%q", t.attrName(i), v)
			}
			out = append(out, s+">")
		case tokEnd:
			out = append(out, "</"+string(t.name)+">")
		case tokText:
			out = append(out, fmt.Sprintf("%q", t.text))
		}
	}
}

// xmlTokens lists the same with encoding/xml's RawToken, the reference.
func xmlTokens(in []byte) ([]string, error) {
	d := xml.NewDecoder(bytes.NewReader(in))
	var out []string
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			s := "<" + t.Name.Local
			for _, a := range t.Attr {
				s += fmt.Sprintf(" %s=%q", a.Name.Local, a.Value)
			}
			out = append(out, s+">")
		case xml.EndElement:
			out = append(out, "</"+t.Name.Local+">")
		case xml.CharData:
			out = append(out, fmt.Sprintf("%q", []byte(t)))
		}
	}
}

var tokenCases = []string{
	`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<worksheet xmlns="http://x" xmlns:r="http://r"><sheetData><row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>45549.999305555555</v></c></row></sheetData></worksheet>`,
	`<x:c x:r='A1' t = "inlineStr" ><x:is><x:t xml:space="preserve"> a &amp; b &lt;&gt; &#273;&#x1EBF; </x:t></x:is></x:c>`,
	`<si><r><t>Lĩnh vực </t></r><rPh sb="0" eb="1"><t>x</t></rPh></si><!-- a comment --><![CDATA[<not a tag> & ]]>`,
	"<t>line\r\nbreak\rand\n</t><v/><f si=\"0\"/>",
	`<!DOCTYPE x [<!ENTITY a "b">]><a b="&quot;q&apos;"/>`,
	`<a>` + strings.Repeat("x", 100_000) + `</a><b c="` + strings.Repeat("y", 70_000) + `"/>`,
}

// TestTokenizerMatchesEncodingXML: the tokens are encoding/xml's, read
// whole and one byte at a time (every token split across reads).
func TestTokenizerMatchesEncodingXML(t *testing.T) {
	for _, c := range tokenCases {
		want, werr := xmlTokens([]byte(c))
		for _, r := range []io.Reader{nil, iotest.OneByteReader(strings.NewReader(c))} {
			got, err := tokens([]byte(c), r)
			if err != nil || werr != nil {
				t.Fatalf("%.60q: error %v (encoding/xml: %v)", c, err, werr)
			}
			if strings.Join(got, "") != strings.Join(want, "") {
				t.Errorf("%.60q:\n got %.300q\nwant %.300q", c, got, want)
			}
		}
	}
}

// TestTokenizerErrors: what encoding/xml refuses, the tokenizer refuses,
// with the line.
func TestTokenizerErrors(t *testing.T) {
	for _, c := range []string{
		"<a>\n<b c=d/>", "<a b='x", "<a>&bogus;</a>", "<a>\x01</a>", "<a>\xff</a>", "<a b=\"<\"/>",
		"<1a/>", "<a", "<!-- never ends", "<![CDATA[ never", `<?xml version="1.0" encoding="UTF-16"?><a/>`,
		"<a>&#0;</a>", "</ a>",
	} {
		if _, err := xmlTokens([]byte(c)); err == nil {
			t.Errorf("%q: encoding/xml accepts it", c)
		}
		_, err := tokens([]byte(c), nil)
		var se *syntaxError
		if !errors.As(err, &se) {
			t.Errorf("%q: %v, want a syntax error", c, err)
		}
	}
	_, err := tokens([]byte("<a>\n\n<b c=d/>"), nil)
	if se := (*syntaxError)(nil); !errors.As(err, &se) || se.line != 3 {
		t.Errorf("line of %v, want 3", err)
	}
}

// FuzzTokenizer: no input makes the tokenizer panic or loop, and an input
// both it and encoding/xml read whole gives the same tokens.
//
//	go test -run '^$' -fuzz '^FuzzTokenizer$' -fuzztime 30s -fuzzminimizetime=0 ./internal/xlsxsheet
func FuzzTokenizer(f *testing.F) {
	for _, c := range tokenCases[:5] {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		got, err := tokens(in, nil)
		want, werr := xmlTokens(in)
		if err == nil && werr == nil && strings.Join(got, "\x00") != strings.Join(want, "\x00") {
			t.Fatalf("tokens differ:\n got %q\nwant %q", got, want)
		}
	})
}
