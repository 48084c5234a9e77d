package main

import (
	"bytes"
	"context"
	"math"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// chromium finds the browser, or skips the test when there is none and
// KSTT_REQUIRE_BROWSER is unset (CI sets it and installs Debian's
// chromium).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("KSTT_REQUIRE_BROWSER") != "" {
		t.Fatal("KSTT_REQUIRE_BROWSER is set but no chromium is installed")
	}
	t.Skip("no chromium: install Debian's chromium to run the browser test")
	return ""
}

// startPage serves the page on a free loopback port for the test.
func startPage(t *testing.T) string {
	t.Helper()
	s := newTestServer(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.bind(ln.Addr())
	srv := &http.Server{Handler: statusSpy{s}, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// statusSpy tells otherStatus the status of each POST the page refuses
// with 403.
type statusSpy struct{ h http.Handler }

func (s statusSpy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	s.h.ServeHTTP(rec, r)
	if r.Method == http.MethodPost && rec.status == http.StatusForbidden {
		select {
		case otherStatus <- rec.status:
		default:
		}
	}
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }

// savePNG keeps a screenshot in the test's temp dir, and in
// KSTT_SCREENSHOT_DIR when set (to look at it after the test).
func savePNG(t *testing.T, dir, name string, png []byte) {
	t.Helper()
	if !bytes.HasPrefix(png, []byte("\x89PNG")) {
		t.Fatalf("%s is not a PNG", name)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
	if d := os.Getenv("KSTT_SCREENSHOT_DIR"); d != "" {
		_ = os.WriteFile(filepath.Join(d, name), png, 0o644)
	}
	t.Logf("screenshot %s (%d bytes)", filepath.Join(dir, name), len(png))
}

func run1[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func count(t *testing.T, ctx context.Context, sel string) int {
	t.Helper()
	nodes := run1(t, ctx, sel, chromedp.Nodes(chromedp.CSSAll(sel), chromedp.AtLeast(0)))
	return len(nodes)
}

// TestBrowser drives headless Chromium through the page as a person
// would: upload the seed's tables and see the findings on their cells and
// the summary; upload three units and see the roll-up with its charts;
// download the aggregate and find kstt rollup's bytes.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	base := startPage(t)
	dir := t.TempDir()
	downloads := filepath.Join(dir, "downloads")
	if err := os.Mkdir(downloads, 0o755); err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1400, 1000))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The whole test, browser included, within two minutes: a browser
	// that hangs fails the test instead of stalling it.
	ctx, cancelT := context.WithTimeout(ctx, 2*time.Minute)
	defer cancelT()
	abs := func(p string) string {
		a, err := filepath.Abs(p)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}

	// 1. The seed's tables: findings on their cells, the summary's counts.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("files")),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{abs(seedTables)}),
		chromedp.Click(chromedp.ID("submit")),
		chromedp.WaitVisible(chromedp.ID("summary")),
	); err != nil {
		t.Fatal(err)
	}
	seedRow := `tr.unit-row[data-file="seed-tables.txt"]`
	for sel, want := range map[string]string{
		seedRow + " td.errors-count":   "1",
		seedRow + " td.warnings-count": "3",
		seedRow + " td.infos-count":    "1",
	} {
		if got := strings.TrimSpace(run1(t, ctx, sel, chromedp.Text(chromedp.CSS(sel)))); got != want {
			t.Errorf("%s = %q, want %q", sel, got, want)
		}
	}
	// II.07b (7)=5 > (3)=1 and (8)=5 > (4)=1, and II.06a's Σ(4)=31
	// against II.08: three cells marked as warnings, each with its rule
	// in its tooltip.
	if n := count(t, ctx, "#unit-1 table.form td.f-warning"); n < 3 {
		t.Errorf("%d warning cells, want ≥ 3", n)
	}
	title := run1(t, ctx, "title", chromedp.AttributeValue(chromedp.CSS(`#unit-1 table.form td.f-warning[title*="II.07b/R06"]`), "title"))
	if !strings.Contains(title.Value, "Cảnh báo II.07b/R06") {
		t.Errorf("tooltip %q", title.Value)
	}
	if n := count(t, ctx, "#unit-1 table.findings-list tr.error"); n != 1 {
		t.Errorf("%d errors listed, want 1 (the heading's period)", n)
	}
	savePNG(t, dir, "seed-findings.png", run1(t, ctx, "screenshot", chromedp.FullScreenshot(100)))
	// Printed, the page takes its size from the print stylesheet: A4
	// landscape (842 × 595 pt).
	pdf := run1(t, ctx, "print", chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
	m := regexp.MustCompile(`/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]`).FindSubmatch(pdf)
	near := func(b []byte, want float64) bool {
		v, err := strconv.ParseFloat(string(b), 64)
		return err == nil && math.Abs(v-want) < 2
	}
	if m == nil || !near(m[1], 842) || !near(m[2], 595) {
		t.Errorf("printed page size %q, want A4 landscape (842 × 595 pt)", m)
	}
	if err := os.WriteFile(filepath.Join(dir, "seed-findings.pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if d := os.Getenv("KSTT_SCREENSHOT_DIR"); d != "" {
		_ = os.WriteFile(filepath.Join(d, "seed-findings.pdf"), pdf, 0o644)
	}

	// 2. Three units: the roll-up, its sources, indicators and charts.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("files")),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{abs(threeUnits[0]), abs(threeUnits[1]), abs(threeUnits[2])}),
		chromedp.Click(chromedp.ID("submit")),
		chromedp.WaitVisible(chromedp.ID("rollup")),
	); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "tr.unit-row"); n != 3 {
		t.Errorf("%d units in the summary, want 3", n)
	}
	if got := run1(t, ctx, "rollup", chromedp.Text(chromedp.ID("rollup"))); !strings.Contains(got, "3 đơn vị") {
		t.Errorf("roll-up heading %q", got)
	}
	if n := count(t, ctx, ".ranking svg.chart"); n < 6 {
		t.Errorf("%d ranking charts, want ≥ 6", n)
	}
	if n := count(t, ctx, ".ranking svg.chart rect.bar"); n < 6 {
		t.Errorf("%d bars", n)
	}
	if n := count(t, ctx, "table.sources"); n < 1 {
		t.Error("no sources table")
	}
	savePNG(t, dir, "rollup-3-units.png", run1(t, ctx, "screenshot", chromedp.FullScreenshot(100)))
	// The first ranking with its chart, as a person sees it on screen.
	savePNG(t, dir, "rollup-chart.png", run1(t, ctx, "chart", chromedp.Screenshot(chromedp.CSS(".ranking"))))

	// 3. The download: the browser saves the aggregate, and it is the
	// workbook kstt rollup writes for the same files.
	if _, err := chromedp.Run(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: "allow", DownloadPath: downloads})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("download-xlsx"))); err != nil {
		t.Fatal(err)
	}
	got := waitFile(t, filepath.Join(downloads, "tong-hop.xlsx"))
	want := cliRollup(t, threeUnits...)
	if !bytes.Equal(got, want) {
		t.Errorf("the downloaded workbook (%d bytes) is not kstt rollup's (%d bytes)", len(got), len(want))
	}

	// 4. With the earlier quarter of one unit: the comparison and its chart.
	prev := filepath.Join(dir, "cam-xuyen-quy-1.json")
	if err := os.WriteFile(prev, camXuyenQ1(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible(chromedp.ID("files")),
		chromedp.SetUploadFiles(chromedp.ID("files"), []string{abs(threeUnits[2])}),
		chromedp.SetUploadFiles(chromedp.ID("prev"), []string{prev}),
		chromedp.Click(chromedp.ID("submit")),
		chromedp.WaitVisible(chromedp.ID("compare")),
	); err != nil {
		t.Fatal(err)
	}
	if n := count(t, ctx, "#compare ~ details svg.chart rect.bar"); n < 4 {
		t.Errorf("%d bars in the comparison's chart", n)
	}
	savePNG(t, dir, "compare.png", run1(t, ctx, "compare", chromedp.Screenshot(chromedp.CSS("#compare + details"))))

	// 5. Another page on another loopback port posts a form to the page,
	// as any web site the person visits could: the browser sends its own
	// Origin, and the page refuses with 403.
	evil := otherSite(t, base)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(evil+"/"),
		chromedp.WaitVisible(chromedp.ID("go")),
		chromedp.Click(chromedp.ID("go")),
		chromedp.WaitVisible(chromedp.ID("errors")),
	); err != nil {
		t.Fatal(err)
	}
	if got := run1(t, ctx, "cross-origin", chromedp.Text(chromedp.CSS("body"))); !strings.Contains(got, "đến từ một trang khác") {
		t.Errorf("cross-origin POST answered %q", got)
	}
	if loc := run1(t, ctx, "location", chromedp.Location()); !strings.HasPrefix(loc, base+"/report") {
		t.Errorf("the form went to %s", loc)
	}
	savePNG(t, dir, "cross-origin-403.png", run1(t, ctx, "screenshot", chromedp.FullScreenshot(100)))
	if status := <-otherStatus; status != http.StatusForbidden {
		t.Errorf("cross-origin POST: %d, want 403", status)
	}
}

// otherStatus is the status the page answered to the other site's POST,
// as its handler saw it.
var otherStatus = make(chan int, 1)

// otherSite serves, on another loopback port, a page whose form posts
// pasted text to the page at base.
func otherSite(t *testing.T, base string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	page := `<!doctype html><meta charset="utf-8"><title>Trang khác</title>
<form method="post" enctype="multipart/form-data" action="` + base + `/report">
<textarea name="pasted">Biểu II.06a</textarea><button id="go" type="submit">Gửi</button></form>`
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return "http://" + ln.Addr().String()
}

// waitFile waits for a download to finish and returns its bytes.
func waitFile(t *testing.T, path string) []byte {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
			if _, err := os.Stat(path + ".crdownload"); os.IsNotExist(err) {
				return data
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("no download %s (found %q)", path, names)
	return nil
}
