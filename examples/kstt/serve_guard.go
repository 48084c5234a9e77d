package main

import (
	"bytes"

	"context"
	"github.com/baocaodinhky/vpcp/bieu"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// defaultMaxInflight is how many uploads kstt serve works on at once
// unless -max-inflight says otherwise: one per core of a small office
// machine.
const defaultMaxInflight = 2

// retryAfter is the Retry-After, in seconds, of an upload refused because
// the page is busy.
const retryAfter = 5

// hostSet is the Host header values a server answers: its listening
// address, and localhost and 127.0.0.1 (and [::1]) with its port. Any
// other Host is a DNS-rebinding page's name for the loopback address, or
// a proxy's: both are refused.
type hostSet map[string]bool

// hostsFor is the hostSet of a listener's address. A listener on every
// interface (0.0.0.0, ::) answers each interface address of the machine.
func hostsFor(a net.Addr) hostSet {
	hs := hostSet{}
	ta, ok := a.(*net.TCPAddr)
	if !ok {
		hs[a.String()] = true
		return hs
	}
	port := strconv.Itoa(ta.Port)
	add := func(host string) { hs[strings.ToLower(net.JoinHostPort(host, port))] = true }
	for _, h := range []string{"localhost", "127.0.0.1", "::1", ta.IP.String()} {
		add(h)
	}
	if ta.IP.IsUnspecified() {
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, ia := range addrs {
				if ipn, ok := ia.(*net.IPNet); ok {
					add(ipn.IP.String())
				}
			}
		}
	}
	return hs
}

// guard refuses a request the page must not answer: a Host it does not
// serve (421), or a POST from another origin (403). It reports whether
// the request may go on.
func (s *server) guard(w http.ResponseWriter, r *http.Request) bool {
	if !s.hosts[strings.ToLower(r.Host)] {
		w.Header().Set("Connection", "close")
		s.fail(w, http.StatusMisdirectedRequest, "Địa chỉ “"+r.Host+"” không phải địa chỉ của trang này. Hãy mở trang bằng địa chỉ kstt serve in ra (http://127.0.0.1:…/).")
		return false
	}
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return true
	}
	if !s.sameOrigin(r) {
		w.Header().Set("Connection", "close")
		s.fail(w, http.StatusForbidden, "Yêu cầu đến từ một trang khác, không phải trang này: bị từ chối. Chỉ trang kstt serve tự gửi được tệp.")
		return false
	}
	return true
}

// sameOrigin reports whether a state-changing request comes from the
// page itself: its Origin, or its Referer when it has no Origin, is
// http:// and the request's own Host (already checked by guard). A
// browser sends Origin with every POST (as "null" from a sandboxed frame
// or a page with no-referrer, which is refused); a request with neither
// header does not come from a web page's script or form (curl, a Go
// client) and may go on. Sec-Fetch-Site, when sent, must not say
// cross-site or same-site.
func (s *server) sameOrigin(r *http.Request) bool {
	self := "http://" + strings.ToLower(r.Host)
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	if o, ok := r.Header["Origin"]; ok {
		return len(o) == 1 && strings.ToLower(o[0]) == self
	}
	if ref := r.Header.Get("Referer"); ref != "" {
		u, err := url.Parse(ref)
		return err == nil && strings.ToLower(u.Scheme+"://"+u.Host) == self
	}
	return true
}

// acquire takes one of the server's upload slots, or answers 503 with
// Retry-After at once when all are taken. It is called before the body is
// read, so that a waiting upload holds no memory; release gives the slot
// back.
func (s *server) acquire(w http.ResponseWriter) (release func(), ok bool) {
	select {
	case s.sem <- struct{}{}:
		return func() { <-s.sem }, true
	default:
	}
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	w.Header().Set("Connection", "close")
	s.fail(w, http.StatusServiceUnavailable, "Trang đang xử lý "+strconv.Itoa(cap(s.sem))+" lượt gửi tệp khác, tối đa cùng lúc. Hãy gửi lại sau "+strconv.Itoa(retryAfter)+" giây.")
	return nil, false
}

// ctxReaderAt reads an upload until ctx is done, then fails with ctx's
// error: a reader of an upload (a workbook's zip, pasted text) stops soon
// after its client has gone. A long read is cut into pieces of 256 KiB, so
// the cancel is noticed between them.
type ctxReaderAt struct {
	ctx context.Context
	r   io.ReaderAt
}

func (c ctxReaderAt) ReadAt(p []byte, off int64) (int, error) {
	const piece = 256 << 10
	n := 0
	for n < len(p) {
		if err := c.ctx.Err(); err != nil {
			return n, err
		}
		end := min(len(p), n+piece)
		m, err := c.r.ReadAt(p[n:end], off+int64(n))
		n += m
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// ctxWriter writes to w until ctx is done, then fails with ctx's error: a
// renderer stops at its next write once the client has gone.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}

// loadUpload reads an upload as check reads a file (loadFrom), through readers that fail
// once ctx is done.
func loadUpload(ctx context.Context, name string, data []byte) (*input, error) {
	return loadFrom(name, ctxReaderAt{ctx, bytes.NewReader(data)}, int64(len(data)), bieu.ReadOptions{}, limits{})
}
