package main

import (
	"bytes"
	"context"
	"embed"
	"encoding/base64"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/baocaodinhky/vpcp/bieu"
	"github.com/baocaodinhky/vpcp/kstt"
	"github.com/baocaodinhky/vpcp/render/html"
	"github.com/baocaodinhky/vpcp/render/xlsx"
)

// The page's template and stylesheet, embedded: the page loads nothing
// from another host (government networks are often offline) and needs no
// script.
//
//go:embed serve_assets
var serveAssets embed.FS

// defaultAddr is where kstt serve listens unless -addr says otherwise:
// the loopback interface only.
const defaultAddr = "127.0.0.1:8080"

// Bounds of one request: each file at most maxInput (the readers' own
// limit), at most maxUploads files, the whole body at most maxBody.
const (
	maxUploads = 60
	maxBody    = 2*maxInput + 4<<20
)

// serveOptions bound the uploads of a server.
type serveOptions struct {
	maxFile  int64 // bytes per file
	maxFiles int   // files per request
	maxBody  int64 // bytes per request body
	// maxInflight is how many uploads are worked on at once; others are
	// refused at once with 503 and Retry-After.
	maxInflight int
}

func defaultServeOptions() serveOptions {
	return serveOptions{maxFile: maxInput, maxFiles: maxUploads, maxBody: maxBody, maxInflight: defaultMaxInflight}
}

// server is the handler of kstt serve. It keeps no state between
// requests: the files of a request live in its memory and are dropped
// with it. It answers only the Host names of its listener (bind) and
// POSTs from its own page, and works on at most opts.maxInflight uploads
// at once.
type server struct {
	opts  serveOptions
	hosts hostSet       // the Host values answered; none until bind
	sem   chan struct{} // one per upload being worked on
	tmpl  *htmltemplate.Template
	css   []byte
	mux   *http.ServeMux
	start time.Time
}

func newServer(opts serveOptions) (*server, error) {
	tmpl, err := htmltemplate.ParseFS(serveAssets, "serve_assets/page.html")
	if err != nil {
		return nil, err
	}
	page, err := serveAssets.ReadFile("serve_assets/page.css")
	if err != nil {
		return nil, err
	}
	if opts.maxInflight < 1 {
		return nil, fmt.Errorf("-max-inflight %d: at least 1 upload must be allowed at once", opts.maxInflight)
	}
	s := &server{opts: opts, hosts: hostSet{}, sem: make(chan struct{}, opts.maxInflight), tmpl: tmpl, css: append([]byte(html.Style), page...), mux: http.NewServeMux(), start: time.Now()}
	s.mux.HandleFunc("GET /{$}", s.index)
	s.mux.HandleFunc("GET /assets/page.css", s.stylesheet)
	s.mux.HandleFunc("POST /report", s.report)
	s.mux.HandleFunc("POST /rollup.xlsx", s.rollupXLSX)
	return s, nil
}

// bind makes the server answer the Host names of the address it listens
// on (hostsFor). It is called once, before serving.
func (s *server) bind(a net.Addr) { s.hosts = hostsFor(a) }

// ServeHTTP serves the page with headers that forbid scripts, frames and
// outside resources, after guard has checked the Host and, for a POST,
// the origin.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	// same-origin, not no-referrer: with no-referrer a browser sends
	// "Origin: null" with the page's own form, which guard must refuse.
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Cache-Control", "no-store")
	if !s.guard(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

func (s *server) stylesheet(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	http.ServeContent(w, r, "page.css", s.start, bytes.NewReader(s.css))
}

// sizeText writes a byte count for people: "50 MiB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " byte"
}

func (s *server) index(w http.ResponseWriter, r *http.Request) {
	s.execute(w, http.StatusOK, "index", map[string]any{
		"MaxFile": sizeText(s.opts.maxFile), "MaxFiles": s.opts.maxFiles, "Errors": nil,
	})
}

func (s *server) execute(w http.ResponseWriter, status int, name string, data any) {
	var buf bytes.Buffer
	if err := s.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		// A template error is a bug of this program: say so plainly, with
		// no stack trace.
		http.Error(w, "kstt: lỗi khi dựng trang: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// fail shows errors on a page of their own.
func (s *server) fail(w http.ResponseWriter, status int, msgs ...string) {
	s.execute(w, status, "error", map[string]any{"Errors": msgs})
}

// upload is one file of a request, held in memory.
type upload struct {
	name string
	data []byte
	prev bool // a file of the earlier period, for the comparison
}

// rollupChoices are the roll-up's settings a person may give on the page,
// as kstt rollup's flags: -unit, -recipient and -level (one "Tên đơn
// vị=cấp" per line).
type rollupChoices struct {
	unit, recipient string
	levels          levelFlag
}

// request is what one upload holds: the files and the roll-up's settings.
type request struct {
	files   []upload
	choices rollupChoices
}

// maxField bounds a text field of the form other than pasted text.
const maxField = 64 << 10

// uploadError is a request the page refuses as a whole, with the status
// and message to show.
type uploadError struct {
	status int
	msg    string
}

func (e *uploadError) Error() string { return e.msg }

// readUploads reads the multipart body part by part into memory (never to
// disk, unlike Request.ParseMultipartForm), each file bounded by the
// readers' limit and the body by maxBody.
func (s *server) readUploads(w http.ResponseWriter, r *http.Request) (*request, error) {
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.maxBody)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, &uploadError{http.StatusBadRequest, "Yêu cầu không phải một biểu mẫu tải tệp (multipart/form-data): " + err.Error()}
	}
	req := &request{choices: rollupChoices{levels: levelFlag{}}}
	var ups []upload
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, bodyError(err, s.opts.maxBody)
		}
		up, err := s.readPart(part, &req.choices)
		part.Close()
		if err != nil {
			return nil, err
		}
		if up == nil {
			continue
		}
		if len(ups) == s.opts.maxFiles {
			return nil, &uploadError{http.StatusRequestEntityTooLarge, fmt.Sprintf("Quá nhiều tệp: tối đa %d tệp mỗi lần.", s.opts.maxFiles)}
		}
		ups = append(ups, *up)
	}
	req.files = ups
	return req, nil
}

func bodyError(err error, limit int64) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return &uploadError{http.StatusRequestEntityTooLarge, fmt.Sprintf("Yêu cầu quá lớn: các tệp gửi cùng lúc tối đa %s. Không tệp nào được đọc.", sizeText(limit))}
	}
	return &uploadError{http.StatusBadRequest, "Không đọc được yêu cầu: " + err.Error()}
}

// readPart reads one part: a file of "files" or "prev", or the pasted
// text of "pasted" or "prev_pasted". Empty parts (no file chosen, nothing
// pasted) give nil.
func (s *server) readPart(part *multipart.Part, choices *rollupChoices) (*upload, error) {
	field := part.FormName()
	var up upload
	switch field {
	case "unit", "recipient", "levels":
		data, err := io.ReadAll(io.LimitReader(part, maxField+1))
		if err != nil {
			return nil, bodyError(err, s.opts.maxBody)
		}
		if len(data) > maxField {
			return nil, &uploadError{http.StatusRequestEntityTooLarge, fmt.Sprintf("Ô “%s” dài hơn %s.", field, sizeText(maxField))}
		}
		text := strings.TrimSpace(string(data))
		switch field {
		case "unit":
			choices.unit = text
		case "recipient":
			choices.recipient = text
		default:
			for _, line := range strings.Split(text, "\n") {
				if line = strings.TrimSpace(line); line == "" {
					continue
				}
				if err := choices.levels.Set(line); err != nil {
					return nil, &uploadError{http.StatusBadRequest, "Cấp của đơn vị: " + err.Error()}
				}
			}
		}
		return nil, nil
	case "files", "prev":
		up.name, up.prev = part.FileName(), field == "prev"
		if up.name == "" {
			up.name = "tệp không tên"
		}
	case "pasted", "prev_pasted":
		up.name, up.prev = "văn bản dán.txt", field == "prev_pasted"
		if up.prev {
			up.name = "văn bản dán (kỳ trước).txt"
		}
	default:
		// Unknown fields are read and dropped, within the body's bound.
		if _, err := io.Copy(io.Discard, part); err != nil {
			return nil, bodyError(err, s.opts.maxBody)
		}
		return nil, nil
	}
	data, err := io.ReadAll(io.LimitReader(part, s.opts.maxFile+1))
	if err != nil {
		return nil, bodyError(err, s.opts.maxBody)
	}
	if int64(len(data)) > s.opts.maxFile {
		return nil, &uploadError{http.StatusRequestEntityTooLarge, fmt.Sprintf(
			"Tệp “%s” lớn hơn %s, giới hạn của trình đọc biểu mẫu. Không tệp nào được đọc.", up.name, sizeText(s.opts.maxFile))}
	}
	if len(bytes.TrimSpace(data)) == 0 && part.FileName() == "" {
		return nil, nil
	}
	up.data = data
	return &up, nil
}

func (s *server) report(w http.ResponseWriter, r *http.Request) {
	release, ok := s.acquire(w)
	if !ok {
		return
	}
	defer release()
	ctx := r.Context()
	req, err := s.readUploads(w, r)
	if err != nil {
		s.uploadFailed(w, err)
		return
	}
	page := analyse(ctx, req)
	if ctx.Err() != nil { // the client has gone: nobody reads the page
		return
	}
	status := http.StatusOK
	if len(page.Units) == 0 {
		status = http.StatusBadRequest
		page.Errors = append(page.Errors, "Chưa có tệp nào của kỳ này: chọn hoặc kéo thả tệp, hoặc dán nội dung báo cáo.")
	}
	s.execute(w, status, "report", page)
}

func (s *server) uploadFailed(w http.ResponseWriter, err error) {
	var ue *uploadError
	if errors.As(err, &ue) {
		s.fail(w, ue.status, ue.msg)
		return
	}
	s.fail(w, http.StatusBadRequest, err.Error())
}

// rollupXLSX answers with the aggregate's workbook, the bytes kstt rollup
// writes for the same files, or with a page saying why there is none.
func (s *server) rollupXLSX(w http.ResponseWriter, r *http.Request) {
	release, ok := s.acquire(w)
	if !ok {
		return
	}
	defer release()
	ctx := r.Context()
	req, err := s.readUploads(w, r)
	if err != nil {
		s.uploadFailed(w, err)
		return
	}
	var cur []upload
	for _, u := range req.files {
		if !u.prev {
			cur = append(cur, u)
		}
	}
	ru := rollupUploads(ctx, cur, req.choices)
	if ctx.Err() != nil {
		return
	}
	if len(ru.errs) > 0 {
		s.fail(w, http.StatusUnprocessableEntity, ru.errs...)
		return
	}
	w.Header().Set("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	w.Header().Set("Content-Disposition", `attachment; filename="tong-hop.xlsx"`)
	_, _ = w.Write(ru.xlsx)
}

// rolled is the roll-up of the current period's files.
type rolled struct {
	inputs  []*input
	names   []string // file names, as the inputs
	readErr []string // per input: why it could not be read ("" when read)
	agg     *bieu.Aggregate
	xlsx    []byte   // the aggregate's workbook, as kstt rollup writes it
	errs    []string // why there is no roll-up
}

// rollupUploads reads the files and rolls them up as kstt rollup does
// with the same -unit, -recipient and -level: the same reader, bieu.Rollup
// with the same options and the same renderer, so the workbook has the
// same bytes. It stops once ctx is done (the client has gone): the
// readers fail at their next read and no later file is read; what it
// returns then is incomplete and only for the bin.
func rollupUploads(ctx context.Context, ups []upload, choices rollupChoices) *rolled {
	ru := &rolled{inputs: make([]*input, len(ups)), readErr: make([]string, len(ups))}
	reports := make([]*kstt.Report, len(ups))
	for i, u := range ups {
		ru.names = append(ru.names, u.name)
		if err := ctx.Err(); err != nil {
			ru.errs = append(ru.errs, errText(err))
			return ru
		}
		in, err := loadUpload(ctx, u.name, u.data)
		if err != nil {
			ru.readErr[i] = u.name + ": " + errText(err)
			ru.errs = append(ru.errs, ru.readErr[i])
			continue
		}
		ru.inputs[i], reports[i] = in, in.report
	}
	if len(ups) == 0 {
		ru.errs = append(ru.errs, "Chưa có tệp nào để tổng hợp.")
	}
	if len(ru.errs) > 0 {
		ru.errs = append(ru.errs, "Biểu tổng hợp không được lập: mọi tệp phải đọc được (như kstt rollup).")
		return ru
	}
	levels := choices.levels
	if levels == nil {
		levels = levelFlag{}
	}
	agg, err := bieu.Rollup(reports, bieu.RollupOptions{Unit: choices.unit, Recipient: choices.recipient, Level: levels.level})
	if err != nil {
		var re *bieu.RollupError
		if errors.As(err, &re) {
			for _, u := range re.Units {
				ru.errs = append(ru.errs, ups[u.Index].name+": "+errText(u))
			}
		} else {
			ru.errs = append(ru.errs, errText(err))
		}
		ru.errs = append(ru.errs, "Biểu tổng hợp không được lập.")
		return ru
	}
	sheets := agg.Report().Sheets()
	if len(sheets) == 0 {
		ru.errs = append(ru.errs, "Không đơn vị nào gửi biểu để tổng hợp (II.06a, II.07b, II.08).")
		return ru
	}
	if err := ctx.Err(); err != nil {
		ru.errs = append(ru.errs, errText(err))
		return ru
	}
	var buf bytes.Buffer
	if err := xlsx.New(xlsx.Options{}).Render(ctxWriter{ctx, &buf}, sheets...); err != nil {
		ru.errs = append(ru.errs, "Không ghi được biểu tổng hợp: "+errText(err))
		return ru
	}
	ru.agg, ru.xlsx = agg, buf.Bytes()
	return ru
}

// runServe is kstt serve: the page on -addr until interrupted.
func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("serve", stderr)
	cfg := serveConfig{opts: defaultServeOptions()}
	fs.StringVar(&cfg.addr, "addr", defaultAddr, "address to listen on (host:port); the default listens on the loopback interface only")
	fs.BoolVar(&cfg.allowRemote, "allow-remote", false, "allow an -addr that other machines can reach (the page has no login: anyone on the network can use it)")
	fs.IntVar(&cfg.opts.maxInflight, "max-inflight", defaultMaxInflight, "uploads worked on at once; others are refused with 503 and Retry-After")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return exitUnreadable
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	return serve(ctx, cfg, stdout, stderr, nil)
}

// serveConfig is kstt serve's flags.
type serveConfig struct {
	addr        string
	allowRemote bool // -allow-remote: an address other machines reach
	opts        serveOptions
}

// serve listens on cfg.addr and serves the page until ctx is done; ready,
// when not nil, is told the address listened on. An address other
// machines can reach needs cfg.allowRemote: without it serve refuses
// with exit 2 before listening for requests.
func serve(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer, ready func(net.Addr)) int {
	s, err := newServer(cfg.opts)
	if err != nil {
		errorf(stderr, "serve: ", err)
		return exitUnreadable
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		errorf(stderr, "serve: ", err)
		return exitUnreadable
	}
	if !isLoopback(ln.Addr()) {
		if !cfg.allowRemote {
			ln.Close()
			fmt.Fprintf(stderr, "kstt: serve: -addr %s is reachable from other machines, and the page has no login; give -allow-remote to serve it all the same\n", termSafe(cfg.addr))
			return exitUnreadable
		}
		fmt.Fprintf(stderr, "kstt: serve: warning: listening on %s, reachable from other machines (as -addr and -allow-remote ask); the page has no login, and answers only POSTs from itself\n", ln.Addr())
	}
	s.bind(ln.Addr())
	fmt.Fprintf(stdout, "kstt serve: http://%s/\n", ln.Addr())
	if ready != nil {
		ready(ln.Addr())
	}
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       5 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		errorf(stderr, "serve: ", err)
		return exitUnreadable
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(sctx)
	return exitOK
}

// isLoopback reports whether a listener's address is on the loopback
// interface only.
func isLoopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// dataURL is a workbook as a data: URL for a download link, so that the
// page keeps no file on the server between requests.
func dataURL(b []byte) htmltemplate.URL {
	return htmltemplate.URL("data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64," + base64.StdEncoding.EncodeToString(b))
}
