package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A POST from another origin is refused with 403 before its body is
// read; the page's own POST, or one from no web page at all, goes on.
func TestServeCrossOriginPost(t *testing.T) {
	s := newTestServer(t)
	ct, body := multipartBody(t, fileParts(t, "files", threeUnits[1]))
	for _, c := range []struct {
		name    string
		headers map[string]string
		want    int
	}{
		{"own origin", map[string]string{"Origin": testBase}, http.StatusOK},
		{"own referer", map[string]string{"Referer": testBase + "/"}, http.StatusOK},
		{"no origin nor referer (curl)", nil, http.StatusOK},
		{"same-origin fetch", map[string]string{"Origin": testBase, "Sec-Fetch-Site": "same-origin"}, http.StatusOK},
		{"other site", map[string]string{"Origin": "http://evil.example"}, http.StatusForbidden},
		{"other loopback port", map[string]string{"Origin": "http://127.0.0.1:9999"}, http.StatusForbidden},
		{"https of the same host", map[string]string{"Origin": "https://127.0.0.1:8080"}, http.StatusForbidden},
		{"null origin", map[string]string{"Origin": "null"}, http.StatusForbidden},
		{"other referer", map[string]string{"Referer": "http://evil.example/page"}, http.StatusForbidden},
		{"referer on another port", map[string]string{"Referer": "http://127.0.0.1:9999/"}, http.StatusForbidden},
		{"cross-site fetch", map[string]string{"Origin": testBase, "Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
	} {
		for _, path := range []string{"/report", "/rollup.xlsx"} {
			read := false
			req := httptest.NewRequest(http.MethodPost, testBase+path, readSpy{bytes.NewReader(body), &read})
			req.Header.Set("Content-Type", ct)
			for k, v := range c.headers {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != c.want {
				t.Errorf("%s: POST %s: %d, want %d\n%.300s", c.name, path, rec.Code, c.want, rec.Body.String())
			}
			if c.want == http.StatusForbidden && (read || !strings.Contains(rec.Body.String(), "đến từ một trang khác")) {
				t.Errorf("%s: body read %v, page %.300s", c.name, read, rec.Body.String())
			}
		}
	}
}

type readSpy struct {
	r    io.Reader
	read *bool
}

func (s readSpy) Read(p []byte) (int, error) { *s.read = true; return s.r.Read(p) }

// A Host other than the listener's address, localhost or 127.0.0.1 with
// its port (a DNS-rebinding page's name) is refused with 421.
func TestServeForeignHost(t *testing.T) {
	s := newTestServer(t)
	for host, want := range map[string]int{
		"127.0.0.1:8080":      http.StatusOK,
		"localhost:8080":      http.StatusOK,
		"LOCALHOST:8080":      http.StatusOK,
		"[::1]:8080":          http.StatusOK,
		"evil.example:8080":   http.StatusMisdirectedRequest,
		"evil.example":        http.StatusMisdirectedRequest,
		"127.0.0.1:9999":      http.StatusMisdirectedRequest,
		"127.0.0.1":           http.StatusMisdirectedRequest,
		"localhost.evil:8080": http.StatusMisdirectedRequest,
		"":                    http.StatusMisdirectedRequest,
	} {
		req := httptest.NewRequest(http.MethodGet, testBase+"/", nil)
		req.Host = host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("GET with Host %q: %d, want %d", host, rec.Code, want)
		}
		// A rebinding page posts with its own name as Host and Origin:
		// the Host check refuses it even though the two agree.
		ct, body := multipartBody(t, fileParts(t, "files", threeUnits[1]))
		req = httptest.NewRequest(http.MethodPost, testBase+"/report", bytes.NewReader(body))
		req.Host = host
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Origin", "http://"+host)
		rec = httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != want {
			t.Errorf("POST with Host and Origin %q: %d, want %d", host, rec.Code, want)
		}
	}
	// A server never bound answers nothing.
	raw, err := newServer(defaultServeOptions())
	if err != nil {
		t.Fatal(err)
	}
	rec := httptest.NewRecorder()
	raw.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, testBase+"/", nil))
	if rec.Code != http.StatusMisdirectedRequest {
		t.Errorf("unbound server: %d", rec.Code)
	}
}

// With every slot taken, an upload is refused at once with 503, a
// Vietnamese message and Retry-After, its body unread; once a slot is
// free uploads go on.
func TestServeBusy(t *testing.T) {
	opts := defaultServeOptions()
	opts.maxInflight = 1
	s := newTestServerWith(t, opts)
	ts := httptest.NewServer(s)
	defer ts.Close()
	s.bind(ts.Listener.Addr())

	// The first upload holds the slot: its body never ends until pw is
	// closed.
	pr, pw := io.Pipe()
	ct, body := multipartBody(t, fileParts(t, "files", threeUnits[1]))
	first := make(chan int, 1)
	go func() {
		resp, err := http.Post(ts.URL+"/report", ct, pr)
		if err != nil {
			first <- -1
			return
		}
		resp.Body.Close()
		first <- resp.StatusCode
	}()
	if _, err := pw.Write(body[:100]); err != nil { // the handler has the slot once it reads
		t.Fatal(err)
	}
	for _, path := range []string{"/report", "/rollup.xlsx"} {
		start := time.Now()
		resp, err := http.Post(ts.URL+path, ct, bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		page, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") != "5" || !strings.Contains(string(page), "Hãy gửi lại sau 5 giây") {
			t.Errorf("POST %s while busy: %d, Retry-After %q\n%.300s", path, resp.StatusCode, resp.Header.Get("Retry-After"), page)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("refused after %v, not at once", d)
		}
	}
	// The page itself is served while busy.
	if resp, err := http.Get(ts.URL + "/"); err != nil || resp.StatusCode != http.StatusOK {
		t.Errorf("GET / while busy: %v %v", resp, err)
	}
	_, _ = pw.Write(body[100:])
	pw.Close()
	if code := <-first; code != http.StatusOK {
		t.Errorf("the first upload: %d", code)
	}
	// The handler gives the slot back when it returns, just after its
	// client has the page.
	for deadline := time.Now().Add(5 * time.Second); len(s.sem) != 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	resp, err := http.Post(ts.URL+"/report", ct, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("after the slot is free: %d", resp.StatusCode)
	}
	if _, err := newServer(serveOptions{maxFile: 1, maxFiles: 1, maxBody: 1, maxInflight: 0}); err == nil {
		t.Error("-max-inflight 0 accepted")
	}
}

// Once the request's context is done, reading stops: no file is read,
// the readers fail with the context's error, and the renderers' writer
// fails likewise.
func TestServeCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ups := []upload{}
	for _, p := range fileParts(t, "files", threeUnits...) {
		ups = append(ups, upload{name: p.name, data: p.data})
	}
	ru := rollupUploads(ctx, ups, rollupChoices{})
	if ru.agg != nil || len(ru.xlsx) != 0 || ru.inputs[0] != nil {
		t.Error("a cancelled roll-up read its files")
	}
	for _, p := range append(fileParts(t, "files", threeUnits...), part{"files", "a.xlsx", cliRollup(t, threeUnits...)}) {
		if _, err := loadUpload(ctx, p.name, p.data); !errors.Is(err, context.Canceled) {
			t.Errorf("%s read after cancel: %v", p.name, err)
		}
		if _, err := loadUpload(context.Background(), p.name, p.data); err != nil {
			t.Errorf("%s: %v", p.name, err)
		}
	}
	if _, err := (ctxWriter{ctx, io.Discard}).Write([]byte("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("ctxWriter after cancel: %v", err)
	}
	page := analyse(ctx, &request{files: ups})
	if page.Agg != nil || len(page.Units) != 0 {
		t.Error("a cancelled analysis built a page")
	}
	// Through the handler: a request whose client has gone gets no page.
	s := newTestServer(t)
	ct, body := multipartBody(t, fileParts(t, "files", threeUnits...))
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, testBase+"/report", bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if strings.Contains(rec.Body.String(), "Sở Tư pháp") {
		t.Error("a page was rendered for a client that has gone")
	}
	if len(s.sem) != 0 {
		t.Error("the slot was not given back")
	}
}

// An -addr other machines reach is refused without -allow-remote; with
// it the page warns, and still refuses cross-origin POSTs.
func TestServeAllowRemote(t *testing.T) {
	var out, errb bytes.Buffer
	if code := serve(context.Background(), serveConfig{addr: "0.0.0.0:0", opts: defaultServeOptions()}, &out, &errb, nil); code != exitUnreadable || !strings.Contains(errb.String(), "-allow-remote") {
		t.Errorf("0.0.0.0 without -allow-remote: exit %d, %s", code, errb.String())
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got := make(chan net.Addr, 1)
	errb.Reset()
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, serveConfig{addr: "0.0.0.0:0", allowRemote: true, opts: defaultServeOptions()}, &out, &errb, func(a net.Addr) { got <- a })
	}()
	var la net.Addr
	select {
	case la = <-got:
	case code := <-done:
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	port := la.(*net.TCPAddr).Port
	base := "http://127.0.0.1:" + strconv.Itoa(port)
	ct, body := multipartBody(t, fileParts(t, "files", threeUnits[1]))
	for origin, want := range map[string]int{base: http.StatusOK, "http://evil.example": http.StatusForbidden} {
		req, _ := http.NewRequest(http.MethodPost, base+"/report", bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Origin %s on 0.0.0.0: %d, want %d", origin, resp.StatusCode, want)
		}
	}
	cancel()
	if code := <-done; code != exitOK || !strings.Contains(errb.String(), "warning: listening on") {
		t.Errorf("exit %d, %s", code, errb.String())
	}
	var so, se bytes.Buffer
	if code := run([]string{"serve", "-max-inflight", "0", "-addr", "127.0.0.1:0"}, &so, &se); code != exitUnreadable || !strings.Contains(se.String(), "max-inflight") {
		t.Errorf("-max-inflight 0: exit %d %s", code, se.String())
	}
}
