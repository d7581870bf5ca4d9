package loadgen

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// wireRequest is a request as the lean client writes it: its bytes,
// request line, headers and body, built once for the whole run.
type wireRequest struct {
	raw  []byte
	head bool   // a HEAD request, whose response has no body
	name string // "METHOD URL", for failures
}

// buildWire builds the requests' bytes. They must all be to one host and
// port, which it returns as the address to dial.
func buildWire(reqs []Request) ([]wireRequest, string, error) {
	out := make([]wireRequest, len(reqs))
	var addr string
	for i, rq := range reqs {
		u, err := url.Parse(rq.URL)
		if err != nil {
			return nil, "", fmt.Errorf("%w: %w", ErrConfig, err)
		}
		port := u.Port()
		if port == "" {
			port = "80"
		}
		a := net.JoinHostPort(u.Hostname(), port)
		if addr == "" {
			addr = a
		} else if a != addr {
			return nil, "", fmt.Errorf("%w: the lean client sends to one address, not %s and %s", ErrConfig, addr, a)
		}
		method := rq.Method
		if method == "" {
			method = http.MethodGet
		}
		if method == "" || strings.IndexFunc(method, notToken) >= 0 {
			return nil, "", fmt.Errorf("%w: method %q", ErrConfig, method)
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "%s %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: tiercel-loadgen\r\n", method, u.RequestURI(), u.Host)
		if len(rq.Body) > 0 {
			b.WriteString("Content-Type: application/json\r\n")
		}
		if len(rq.Body) > 0 || method == http.MethodPost || method == http.MethodPut || method == http.MethodPatch {
			fmt.Fprintf(&b, "Content-Length: %d\r\n", len(rq.Body))
		}
		b.WriteString("\r\n")
		b.Write(rq.Body)
		out[i] = wireRequest{raw: b.Bytes(), head: method == http.MethodHead, name: method + " " + rq.URL}
	}
	return out, addr, nil
}

// notToken reports whether r may not be in an HTTP token (RFC 9110 5.6.2).
func notToken(r rune) bool {
	return r > '~' || r <= ' ' || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
}

// wireConn is the lean client of one worker: one keep-alive connection,
// dialled at the first request and again after the server closes it.
type wireConn struct {
	addr string
	reqs []wireRequest
	conn net.Conn
	r    *bufio.Reader
	stop func() bool // stops unblocking conn when the run's context is done
	body [200]byte   // the start of the last response's body, for failures
	n    int
}

func (c *wireConn) close() {
	if c.conn != nil {
		c.stop()
		_ = c.conn.Close()
		c.conn = nil
	}
}

// dial connects; the connection's deadline is the run's, and it is
// unblocked when the run's context is done.
func (c *wireConn) dial(ctx context.Context) error {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", c.addr)
	if err != nil {
		return err
	}
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c.stop = context.AfterFunc(ctx, func() { _ = conn.SetDeadline(time.Unix(1, 0)) })
	if c.r == nil {
		c.r = bufio.NewReaderSize(conn, 4096)
	} else {
		c.r.Reset(conn)
	}
	c.conn = conn
	return nil
}

// send writes request i and reads its response whole. A response the
// server ends the connection with (Connection: close, or a body that runs
// to the end of the connection) closes it; so does any error.
func (c *wireConn) send(ctx context.Context, i, status int) error {
	rq := &c.reqs[i]
	if c.conn == nil {
		if err := c.dial(ctx); err != nil {
			return fmt.Errorf("%s: %w", rq.name, err)
		}
	}
	if _, err := c.conn.Write(rq.raw); err != nil {
		c.close()
		return fmt.Errorf("%s: %w", rq.name, err)
	}
	code, keep, err := c.response(rq.head)
	if err != nil {
		c.close()
		return fmt.Errorf("%s: %w", rq.name, err)
	}
	if !keep {
		c.close()
	}
	if code != status {
		return fmt.Errorf("%s: status %d: %s", rq.name, code, c.body[:c.n])
	}
	return nil
}

// header is what the lean client reads of a response's headers.
type header struct {
	length           int64 // Content-Length; -1 when absent
	chunked          bool
	close, keepAlive bool // Connection: close, Connection: keep-alive
}

// response reads one response, informational ones (1xx) skipped, and
// returns its status and whether the connection stays open after it.
func (c *wireConn) response(head bool) (int, bool, error) {
	code, http11, err := c.statusLine()
	for err == nil && code >= 100 && code < 200 && code != http.StatusSwitchingProtocols {
		if _, err = c.headers(); err == nil {
			code, http11, err = c.statusLine()
		}
	}
	if err != nil {
		return 0, false, err
	}
	if code == http.StatusSwitchingProtocols {
		return 0, false, errors.New("the server switched protocols")
	}
	h, err := c.headers()
	if err != nil {
		return 0, false, err
	}
	keep := !h.close && (http11 || h.keepAlive)
	c.n = 0
	switch {
	case head || code == http.StatusNoContent || code == http.StatusNotModified:
	case h.chunked:
		err = c.chunked()
	case h.length >= 0:
		err = c.skip(h.length)
	default: // the body runs to the end of the connection
		err, keep = c.untilEOF(), false
	}
	return code, keep, err
}

// statusLine reads "HTTP/1.x NNN reason" and returns NNN and whether the
// version is 1.1.
func (c *wireConn) statusLine() (int, bool, error) {
	line, err := c.line()
	if err != nil {
		return 0, false, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) || line[8] != ' ' || len(line) > 12 && line[12] != ' ' {
		return 0, false, fmt.Errorf("malformed status line %.100q", line)
	}
	code := 0
	for _, d := range line[9:12] {
		if d < '0' || d > '9' {
			return 0, false, fmt.Errorf("malformed status line %.100q", line)
		}
		code = code*10 + int(d-'0')
	}
	return code, line[7] == '1', nil
}

// maxHeaderLines bounds the header lines of a response.
const maxHeaderLines = 256

// headers reads header lines up to the empty line that ends them.
func (c *wireConn) headers() (header, error) {
	h := header{length: -1}
	for range maxHeaderLines {
		line, err := c.line()
		if err != nil || len(line) == 0 {
			return h, err
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok {
			return h, fmt.Errorf("malformed header line %.100q", line)
		}
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			n, ok := parseLength(value)
			if !ok || h.length >= 0 && h.length != n {
				return h, fmt.Errorf("malformed Content-Length %.40q", value)
			}
			h.length = n
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			if !bytes.EqualFold(value, []byte("chunked")) {
				return h, fmt.Errorf("unsupported Transfer-Encoding %.40q", value)
			}
			h.chunked = true
		case bytes.EqualFold(name, []byte("Connection")):
			for tok := range bytes.SplitSeq(value, []byte(",")) {
				tok = bytes.TrimSpace(tok)
				h.close = h.close || bytes.EqualFold(tok, []byte("close"))
				h.keepAlive = h.keepAlive || bytes.EqualFold(tok, []byte("keep-alive"))
			}
		}
	}
	return h, fmt.Errorf("more than %d header lines", maxHeaderLines)
}

// parseLength reads a decimal Content-Length below 2^62.
func parseLength(b []byte) (int64, bool) {
	var n int64
	for _, d := range b {
		if d < '0' || d > '9' || n > 1<<62/10 {
			return 0, false
		}
		n = n*10 + int64(d-'0')
	}
	return n, len(b) > 0
}

// line reads one line without its CRLF (or LF); a line must fit in the
// reader's buffer.
func (c *wireConn) line() ([]byte, error) {
	b, err := c.r.ReadSlice('\n')
	switch {
	case errors.Is(err, bufio.ErrBufferFull):
		return nil, fmt.Errorf("a line longer than %d bytes", c.r.Size())
	case errors.Is(err, io.EOF):
		return nil, io.ErrUnexpectedEOF
	case err != nil:
		return nil, err
	}
	b = b[:len(b)-1]
	if len(b) > 0 && b[len(b)-1] == '\r' {
		b = b[:len(b)-1]
	}
	return b, nil
}

// chunked reads a chunked body and its trailers.
func (c *wireConn) chunked() error {
	for {
		line, err := c.line()
		if err != nil {
			return err
		}
		size, _, _ := bytes.Cut(line, []byte(";"))
		n, err := strconv.ParseInt(string(bytes.TrimSpace(size)), 16, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("malformed chunk size %.40q", line)
		}
		if n == 0 {
			_, err := c.headers() // the trailers, up to the empty line
			return err
		}
		if err := c.skip(n); err != nil {
			return err
		}
		if line, err := c.line(); err != nil || len(line) > 0 {
			return errors.Join(errors.New("a chunk not followed by CRLF"), err)
		}
	}
}

// skip reads n bytes of body, keeping the first ones in c.body.
func (c *wireConn) skip(n int64) error {
	if k := min(n, int64(len(c.body)-c.n)); k > 0 {
		if _, err := io.ReadFull(c.r, c.body[c.n:c.n+int(k)]); err != nil {
			return unexpected(err)
		}
		c.n += int(k)
		n -= k
	}
	for n > 0 {
		d, err := c.r.Discard(int(min(n, 1<<30)))
		n -= int64(d)
		if err != nil {
			return unexpected(err)
		}
	}
	return nil
}

// untilEOF reads a body that runs to the end of the connection.
func (c *wireConn) untilEOF() error {
	var scratch [512]byte
	for {
		dst := scratch[:]
		if c.n < len(c.body) {
			dst = c.body[c.n:]
		}
		k, err := c.r.Read(dst)
		if c.n < len(c.body) {
			c.n += k
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// unexpected makes an end of the connection inside a body an error.
func unexpected(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}
