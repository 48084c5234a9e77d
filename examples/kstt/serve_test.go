package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"fmt"
	stdhtml "html"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/period"
)

// The three units of the fixtures: the seed's Sở Ngoại vụ (pasted text),
// Sở Tư pháp (JSON) and UBND huyện Cẩm Xuyên (pasted text).
var threeUnits = []string{"testdata/seed-tables.txt", "testdata/so-tu-phap.json", "testdata/huyen-cam-xuyen.txt"}

type part struct {
	field, name string
	data        []byte
}

func fileParts(t testing.TB, field string, paths ...string) []part {
	t.Helper()
	var out []part
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, part{field, filepath.Base(p), data})
	}
	return out
}

// multipartBody writes parts as a browser posts a form with files.
func multipartBody(t testing.TB, parts []part) (string, []byte) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.name == "" {
			w, err = mw.CreateFormField(p.field)
		} else {
			w, err = mw.CreateFormFile(p.field, p.name)
		}
		if err != nil {
			t.Fatal(err)
		}
		_, _ = w.Write(p.data)
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return mw.FormDataContentType(), b.Bytes()
}

// testAddr is the address the servers of the unit tests answer as (bind),
// and testBase the page's own origin there.
var (
	testAddr = &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}
	testBase = "http://127.0.0.1:8080"
)

func newTestServer(t testing.TB) *server {
	t.Helper()
	return newTestServerWith(t, defaultServeOptions())
}

func newTestServerWith(t testing.TB, opts serveOptions) *server {
	t.Helper()
	s, err := newServer(opts)
	if err != nil {
		t.Fatal(err)
	}
	s.bind(testAddr)
	return s
}

func post(t testing.TB, h http.Handler, path string, parts []part) *httptest.ResponseRecorder {
	t.Helper()
	ct, body := multipartBody(t, parts)
	req := httptest.NewRequest(http.MethodPost, testBase+path, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	req.Header.Set("Origin", testBase)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// cliRollup is what `kstt rollup -o OUT.xlsx FILE…` writes.
func cliRollup(t testing.TB, paths ...string) []byte {
	t.Helper()
	out := filepath.Join(t.TempDir(), "tong-hop.xlsx")
	var so, se bytes.Buffer
	if code := run(append([]string{"rollup", "-o", out}, paths...), &so, &se); code == exitUnreadable {
		t.Fatalf("kstt rollup: exit %d\n%s", code, se.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

var downloadRE = regexp.MustCompile(`id="download-xlsx" download="tong-hop.xlsx" href="data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,([A-Za-z0-9+/=&#;]+)"`)

func TestServeRollupSameBytesAsCLI(t *testing.T) {
	s := newTestServer(t)
	want := cliRollup(t, threeUnits...)
	rec := post(t, s, "/rollup.xlsx", fileParts(t, "files", threeUnits...))
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want) {
		t.Fatalf("POST /rollup.xlsx: %d, %d bytes; kstt rollup wrote %d bytes\n%.500s", rec.Code, rec.Body.Len(), len(want), rec.Body.String())
	}
	if cd := rec.Header().Get("Content-Disposition"); !strings.Contains(cd, "attachment") {
		t.Errorf("Content-Disposition %q", cd)
	}
	// The link on the result page holds the same bytes.
	page := post(t, s, "/report", fileParts(t, "files", threeUnits...))
	m := downloadRE.FindStringSubmatch(page.Body.String())
	if m == nil {
		t.Fatal("no download link on the page")
	}
	// html/template writes "+" as "&#43;" in the attribute; a browser
	// reads it back as "+".
	got, err := base64.StdEncoding.DecodeString(stdhtml.UnescapeString(m[1]))
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("the page's download is not kstt rollup's workbook (%v)", err)
	}
}

// The roll-up's settings on the page are kstt rollup's flags: the same
// settings give the same workbook.
func TestServeRollupChoicesAsFlags(t *testing.T) {
	s := newTestServer(t)
	out := filepath.Join(t.TempDir(), "a.xlsx")
	var so, se bytes.Buffer
	args := append([]string{"rollup", "-unit", "UBND tỉnh", "-recipient", "Văn phòng Chính phủ", "-level", "Sở Tư pháp=cấp huyện", "-o", out}, threeUnits...)
	if code := run(args, &so, &se); code == exitUnreadable {
		t.Fatalf("kstt rollup: %s", se.String())
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	parts := append(fileParts(t, "files", threeUnits...),
		part{"unit", "", []byte("UBND tỉnh")}, part{"recipient", "", []byte("Văn phòng Chính phủ")},
		part{"levels", "", []byte("\r\nSở Tư pháp=cấp huyện\r\n")})
	rec := post(t, s, "/rollup.xlsx", parts)
	if rec.Code != http.StatusOK || !bytes.Equal(rec.Body.Bytes(), want) {
		t.Errorf("POST /rollup.xlsx with settings: %d, not kstt rollup's workbook", rec.Code)
	}
	if bytes.Equal(want, cliRollup(t, threeUnits...)) {
		t.Error("the settings changed nothing: the test proves nothing")
	}
	// A wrong level is shown, not ignored.
	rec = post(t, s, "/report", append(fileParts(t, "files", threeUnits...), part{"levels", "", []byte("Sở Tư pháp=cấp trung ương")}))
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "unknown level") {
		t.Errorf("bad level: %d %.300s", rec.Code, rec.Body.String())
	}
}

// Pasted text is one unit's report, read as a pasted file.
func TestServePasted(t *testing.T) {
	s := newTestServer(t)
	data, err := os.ReadFile("testdata/huyen-cam-xuyen.txt")
	if err != nil {
		t.Fatal(err)
	}
	body := post(t, s, "/report", []part{{"pasted", "", data}}).Body.String()
	if !strings.Contains(body, `data-file="văn bản dán.txt"`) || !strings.Contains(body, "UBND huyện Cẩm Xuyên") {
		t.Errorf("pasted text not read:\n%.2000s", body)
	}
}

// The page shows what a person needs: the summary per unit with the same
// counts as kstt check, findings on the cells, the roll-up with its
// sources, indicators and a chart per indicator.
func TestServeReportPage(t *testing.T) {
	s := newTestServer(t)
	rec := post(t, s, "/report", fileParts(t, "files", threeUnits...))
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d\n%s", rec.Code, rec.Body.String())
	}
	body := rec.Body.String()
	// Summary counts, as kstt check counts them for the seed.
	var so, se bytes.Buffer
	run([]string{"check", threeUnits[0]}, &so, &se)
	if !strings.Contains(se.String(), "1 lỗi, 3 cảnh báo, 1 thông tin") {
		t.Fatalf("kstt check summary changed: %s", se.String())
	}
	row := regexp.MustCompile(`(?s)<tr class="unit-row" data-file="seed-tables.txt">.*?</tr>`).FindString(body)
	for _, want := range []string{`errors-count bad">1<`, `warnings-count warn">3<`, `infos-count">1<`, "Sở Ngoại vụ", "Quý II năm 2024"} {
		if !strings.Contains(row, want) {
			t.Errorf("summary row of the seed lacks %q: %s", want, row)
		}
	}
	for _, want := range []string{
		`class="n f-warning" title="Cảnh báo II.07b/R06`, // (7)=5 > (3)=1 on its cell
		`<caption>Nguồn số liệu từng dòng — II.06a</caption>`,
		"XẾP HẠNG CÁC ĐƠN VỊ THEO TỶ LỆ HỒ SƠ GIẢI QUYẾT TRƯỚC HẠN VÀ ĐÚNG HẠN",
		"CÁC CHỈ SỐ TÍNH TỪ BIỂU BÁO CÁO",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// The on-time and online rates per unit: Cẩm Xuyên (20+134)/162 and
	// 100/175; the roll-up (0+10+20 + 33+128+134)/(33+138+162) = 325/333.
	cx := regexp.MustCompile(`(?s)<tr class="unit-row" data-file="huyen-cam-xuyen.txt">.*?</tr>`).FindString(body)
	if !strings.Contains(cx, `on-time">95,06%<`) || !strings.Contains(cx, `online">57,14%<`) {
		t.Errorf("Cẩm Xuyên's rates: %s", cx)
	}
	if agg := regexp.MustCompile(`(?s)<tr class="agg-row">.*?</tr>`).FindString(body); !strings.Contains(agg, `on-time">97,6%<`) {
		t.Errorf("the roll-up's on-time rate: %s", agg)
	}
	// Hộ tịch is filed by Sở Tư pháp ("Hộ tịch") and Cẩm Xuyên ("Lĩnh vực
	// Hộ tịch"): one row of the roll-up, both units named as its sources.
	if !regexp.MustCompile(`<td>\d+</td><td>[^<]*Hộ tịch</td><td>Sở Tư pháp; UBND huyện Cẩm Xuyên</td>`).MatchString(body) {
		t.Error("the roll-up's Hộ tịch row does not name its two units")
	}
	if n := strings.Count(body, "<svg "); n < 6 {
		t.Errorf("%d charts, want one per indicator with values (≥ 6)", n)
	}
	if strings.Contains(body, "<script") {
		t.Error("the page has a script")
	}
}

// camXuyenQ1 is the earlier quarter of Cẩm Xuyên, as JSON.
func camXuyenQ1(t testing.TB) []byte {
	t.Helper()
	q1, _ := period.Parse("Quý I năm 2024")
	f := &bieu.II06a{Header: kstt.Header{Unit: "UBND huyện Cẩm Xuyên", Recipient: "UBND tỉnh", Period: q1},
		Rows: []bieu.II06aRow{{STT: "1", Field: "hộ tịch", Online: 50, Direct: 50, Early: 10, OnTime: 80, Late: 10}}}
	if err := f.Fill(); err != nil {
		t.Fatal(err)
	}
	prev, err := (&kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return prev
}

func TestServeCompare(t *testing.T) {
	s := newTestServer(t)
	prev := camXuyenQ1(t)
	parts := append(fileParts(t, "files", "testdata/huyen-cam-xuyen.txt"), part{"prev", "cam-xuyen-q1.json", prev})
	body := post(t, s, "/report", parts).Body.String()
	for _, want := range []string{`id="compare"`, "SO SÁNH VỚI KỲ BÁO CÁO TRƯỚC", "Kỳ báo cáo: Quý II năm 2024 so với Quý I năm 2024", ">90%<", ">95,06%<"} {
		if !strings.Contains(body, want) {
			t.Errorf("comparison lacks %q", want)
		}
	}
}

func TestServeErrorsOnPage(t *testing.T) {
	s := newTestServer(t)
	parts := []part{{"files", "hỏng.xlsx", []byte("PK\x03\x04 not a zip")}, {"files", "<i>lạ.txt", []byte("không có biểu nào")}}
	rec := post(t, s, "/report", parts)
	body := rec.Body.String()
	if !strings.Contains(body, `class="errors"`) || !strings.Contains(body, "hỏng.xlsx: ") || !strings.Contains(body, "&lt;i&gt;lạ.txt") {
		t.Errorf("errors not shown:\n%s", body)
	}
	if strings.Contains(body, "goroutine") || strings.Contains(body, "panic") || strings.Contains(body, "<i>lạ") {
		t.Error("a stack trace or unescaped name on the page")
	}
	// No file at all.
	rec = post(t, s, "/report", []part{{"pasted", "", []byte("  ")}})
	if rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "Chưa có tệp nào") {
		t.Errorf("empty upload: %d", rec.Code)
	}
	// Not a form upload.
	req := httptest.NewRequest(http.MethodPost, testBase+"/report", strings.NewReader("x"))
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != http.StatusBadRequest || !strings.Contains(w.Body.String(), "multipart/form-data") {
		t.Errorf("plain body: %d %s", w.Code, w.Body.String())
	}
	// The XLSX download of files that cannot be rolled up says why.
	rec = post(t, s, "/rollup.xlsx", parts)
	if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(rec.Body.String(), "Biểu tổng hợp không được lập") {
		t.Errorf("rollup.xlsx of bad files: %d", rec.Code)
	}
}

// An upload over the readers' limit (50 MiB) is refused with a message
// that says so, before anything is read into a report.
func TestServeOversized(t *testing.T) {
	s := newTestServer(t)
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		w, _ := mw.CreateFormFile("files", "lớn.txt")
		_, err := io.CopyN(w, zeros{}, maxInput+1)
		if err == nil {
			err = mw.Close()
		}
		pw.CloseWithError(err)
	}()
	req := httptest.NewRequest(http.MethodPost, testBase+"/report", pr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	_, _ = io.Copy(io.Discard, pr)
	want := "Tệp “lớn.txt” lớn hơn 50 MiB, giới hạn của trình đọc biểu mẫu"
	if rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), want) {
		t.Errorf("status %d, body %.300s", rec.Code, rec.Body.String())
	}
	// A file exactly at the limit is read (and found to hold no form).
	small := newTestServerWith(t, serveOptions{maxFile: 10, maxFiles: 2, maxBody: 1 << 20, maxInflight: 1})
	if rec := post(t, small, "/report", []part{{"files", "a.txt", []byte("0123456789")}}); rec.Code != http.StatusOK {
		t.Errorf("a file at the limit: %d", rec.Code)
	}
	if rec := post(t, small, "/report", []part{{"files", "a.txt", []byte("x")}, {"files", "b.txt", []byte("x")}, {"files", "c.txt", []byte("x")}}); rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "tối đa 2 tệp") {
		t.Errorf("too many files: %d", rec.Code)
	}
	tiny := newTestServerWith(t, serveOptions{maxFile: 1 << 20, maxFiles: 9, maxBody: 100, maxInflight: 1})
	if rec := post(t, tiny, "/report", []part{{"files", "a.txt", bytes.Repeat([]byte("x"), 500)}}); rec.Code != http.StatusRequestEntityTooLarge || !strings.Contains(rec.Body.String(), "Yêu cầu quá lớn") {
		t.Errorf("body over its bound: %d %s", rec.Code, rec.Body.String())
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// Twenty uploads at once, each of its own unit: every page shows its own
// unit and figures and none of another's (run with -race). The page takes
// all twenty at once here (-max-inflight 20); TestServeBusy covers the
// refusal past the bound.
func TestServeConcurrentUploads(t *testing.T) {
	const n = 20
	opts := defaultServeOptions()
	opts.maxInflight = n
	s := newTestServerWith(t, opts)
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.bind(ts.Listener.Addr())
	q, _ := period.Parse("Quý II năm 2024")
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			unit := fmt.Sprintf("Đơn vị thử số %02d", i)
			f := &bieu.II06a{Header: kstt.Header{Unit: unit, Recipient: "UBND tỉnh", Period: q},
				Rows: []bieu.II06aRow{{STT: "1", Field: fmt.Sprintf("Lĩnh vực riêng %02d", i), Direct: int64(1000 + i), OnTime: int64(1000 + i)}}}
			if err := f.Fill(); err != nil {
				errs <- err
				return
			}
			js, _ := (&kstt.Report{Header: f.Header, Forms: []kstt.Form{f}}).MarshalJSON()
			ct, body := multipartBody(t, []part{{"files", fmt.Sprintf("u%02d.json", i), js}})
			resp, err := http.Post(ts.URL+"/report", ct, bytes.NewReader(body))
			if err != nil {
				errs <- err
				return
			}
			page, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			p := string(page)
			if !strings.Contains(p, unit) || !strings.Contains(p, fmt.Sprintf(">%d<", 1000+i)) {
				errs <- fmt.Errorf("upload %d: its own unit or figure is missing", i)
			}
			for j := range n {
				if j != i && (strings.Contains(p, fmt.Sprintf("Đơn vị thử số %02d", j)) || strings.Contains(p, fmt.Sprintf("Lĩnh vực riêng %02d", j))) {
					errs <- fmt.Errorf("upload %d shows unit %d", i, j)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// The page listens on the loopback interface unless -addr says otherwise.
func TestServeListensOnLoopback(t *testing.T) {
	if defaultAddr != "127.0.0.1:8080" {
		t.Errorf("default address %s", defaultAddr)
	}
	fs := newFlags("serve", io.Discard)
	addr := fs.String("addr", defaultAddr, "")
	_ = fs.Parse(nil)
	if *addr != "127.0.0.1:8080" {
		t.Errorf("-addr defaults to %s", *addr)
	}
	for _, a := range []string{"127.0.0.1:0", "localhost:0"} {
		ctx, cancel := context.WithCancel(context.Background())
		got := make(chan net.Addr, 1)
		var out, errb bytes.Buffer
		done := make(chan int, 1)
		go func() {
			done <- serve(ctx, serveConfig{addr: a, opts: defaultServeOptions()}, &out, &errb, func(x net.Addr) { got <- x })
		}()
		var la net.Addr
		select {
		case la = <-got:
		case code := <-done:
			t.Fatalf("%s: exit %d: %s", a, code, errb.String())
		case <-time.After(10 * time.Second):
			t.Fatal("no listener")
		}
		if !isLoopback(la) {
			t.Errorf("%s listens on %s", a, la)
		}
		resp, err := http.Get("http://" + la.String() + "/")
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(page), `action="/report"`) {
			t.Errorf("%s: no upload form", a)
		}
		cancel()
		if code := <-done; code != exitOK || strings.Contains(errb.String(), "reachable") {
			t.Errorf("%s: exit %d, %s", a, code, errb.String())
		}
	}
	if isLoopback(&net.TCPAddr{IP: net.IPv4zero, Port: 8080}) {
		t.Error("0.0.0.0 taken for loopback")
	}
}

// Assets are embedded; the page loads nothing from another host and runs
// no script.
func TestServeAssets(t *testing.T) {
	s := newTestServer(t)
	for _, path := range []string{"/", "/assets/page.css"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, testBase+path, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", path, rec.Code)
		}
		body := rec.Body.String()
		if strings.Contains(body, "http://") || strings.Contains(body, "https://") || strings.Contains(body, "<script") || strings.Contains(body, "@import") {
			t.Errorf("GET %s refers to another host or runs a script", path)
		}
		if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
			t.Errorf("CSP %q", csp)
		}
	}
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, testBase+"/elsewhere", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("GET /elsewhere: %d", rec.Code)
	}
}

// BenchmarkServeRollup is the page answering a three-unit roll-up (the
// fixtures), against the floor: the same reading, roll-up and workbook
// without the page (what kstt rollup does).
func BenchmarkServeRollup(b *testing.B) {
	s := newTestServer(b)
	parts := fileParts(b, "files", threeUnits...)
	ct, body := multipartBody(b, parts)
	b.Run("page", func(b *testing.B) {
		for b.Loop() {
			req := httptest.NewRequest(http.MethodPost, testBase+"/report", bytes.NewReader(body))
			req.Header.Set("Content-Type", ct)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatal(rec.Code)
			}
		}
	})
	b.Run("rollup-only", func(b *testing.B) {
		ups := []upload{}
		for _, p := range parts {
			ups = append(ups, upload{name: p.name, data: p.data})
		}
		for b.Loop() {
			if ru := rollupUploads(context.Background(), ups, rollupChoices{}); ru.agg == nil {
				b.Fatal(ru.errs)
			}
		}
	})
}

// kstt render -format html writes the forms as an HTML page.
func TestRenderHTML(t *testing.T) {
	var out, errb bytes.Buffer
	if code := run([]string{"render", "-format", "html", seedTables}, &out, &errb); code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	page := out.String()
	if !strings.HasPrefix(page, "<!DOCTYPE html>") || strings.Count(page, `<table class="form">`) != 4 || !strings.Contains(page, "size:A4 landscape") {
		t.Errorf("not the seed's four tables as a page:\n%.500s", page)
	}
}

// A unit's workbook: its findings are marked on the cells of its forms,
// as for pasted text.
func TestServeWorkbookFindings(t *testing.T) {
	s := newTestServer(t)
	book := filepath.Join(t.TempDir(), "so-ngoai-vu.xlsx")
	var so, se bytes.Buffer
	if code := run([]string{"render", "-format", "xlsx", "-o", book, seedTables}, &so, &se); code != exitOK {
		t.Fatalf("render: %s", se.String())
	}
	body := post(t, s, "/report", fileParts(t, "files", book)).Body.String()
	for _, want := range []string{`class="n f-warning" title="Cảnh báo II.07b/R06`, `class="n f-warning" title="Cảnh báo KSTT/R03`, "II.07b!G12", `warnings-count warn">3<`} {
		if !strings.Contains(body, want) {
			t.Errorf("page of the workbook lacks %q", want)
		}
	}
}

// kstt rollup -indicators adds the indicator sheets with their charts;
// without it the workbook is the forms alone.
func TestRollupIndicators(t *testing.T) {
	out := filepath.Join(t.TempDir(), "chi-so.xlsx")
	var so, se bytes.Buffer
	if code := run(append([]string{"rollup", "-indicators", "-o", out}, threeUnits...), &so, &se); code == exitUnreadable {
		t.Fatalf("rollup -indicators: %s", se.String())
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := strings.Join(f.GetSheetList(), "|")
	for _, want := range []string{"II.06a|II.06b|II.07b|II.08|Chỉ số|Xếp hạng|", "Chỉ số – biểu đồ", "Xếp hạng – biểu đồ"} {
		if !strings.Contains(sheets, want) {
			t.Errorf("sheets %s lack %s", sheets, want)
		}
	}
	if bytes.Equal(mustRead(t, out), cliRollup(t, threeUnits...)) {
		t.Error("-indicators changed nothing")
	}
}

func mustRead(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
