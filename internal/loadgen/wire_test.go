package loadgen

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildWire(t *testing.T) {
	wire, addr, err := buildWire([]Request{
		{Method: "POST", URL: "http://127.0.0.1:8383/v1/deadline?x=1", Body: []byte(`{"a":1}`)},
		{URL: "http://127.0.0.1:8383/healthz"},
		{Method: "HEAD", URL: "http://127.0.0.1:8383/"},
	})
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:8383", addr)
	assert.Equal(t, "POST /v1/deadline?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8383\r\nUser-Agent: tiercel-loadgen\r\n"+
		"Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}", string(wire[0].raw))
	assert.Equal(t, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:8383\r\nUser-Agent: tiercel-loadgen\r\n\r\n", string(wire[1].raw), "no method is GET")
	assert.True(t, wire[2].head)
	assert.Equal(t, "POST http://127.0.0.1:8383/v1/deadline?x=1", wire[0].name)
}

func TestRunRefuses(t *testing.T) {
	for name, reqs := range map[string][]Request{
		"a host that is not loopback": {{URL: "http://192.0.2.1:80/"}},
		"a name, even localhost":      {{URL: "http://localhost:80/"}},
		"https":                       {{URL: "https://127.0.0.1:443/"}},
		"two addresses":               {{URL: "http://127.0.0.1:1/"}, {URL: "http://127.0.0.1:2/"}},
		"a method that is no token":   {{Method: "GET /x", URL: "http://127.0.0.1:1/"}},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Run(context.Background(), Config{Clients: 1, Requests: 1}, reqs)
			require.ErrorIs(t, err, ErrConfig)
		})
	}
}

// rawServer answers every request on 127.0.0.1 with the bytes reply,
// closing the connection after it when closeAfter; it counts requests and
// connections.
func rawServer(t *testing.T, reply string, closeAfter bool) (string, *atomic.Int64, *atomic.Int64) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { ln.Close() })
	var reqs, conns atomic.Int64
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns.Add(1)
			go func() {
				defer c.Close()
				br := bufio.NewReader(c)
				for {
					r, err := http.ReadRequest(br)
					if err != nil {
						return
					}
					_, _ = io.Copy(io.Discard, r.Body)
					reqs.Add(1)
					if _, err := io.WriteString(c, reply); err != nil || closeAfter {
						return
					}
				}
			}()
		}
	}()
	return "http://" + ln.Addr().String(), &reqs, &conns
}

func TestWireResponses(t *testing.T) {
	tests := []struct {
		name       string
		reply      string
		closeAfter bool
		status     int
		ok         int    // of 20 requests
		conns      int64  // at most
		example    string // a fragment of the first failure
	}{
		{"Content-Length", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false, 200, 20, 1, ""},
		{"chunked, with an extension and trailers", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;x=y\r\nok\r\n3\r\n!!!\r\n0\r\nT: v\r\n\r\n", false, 200, 20, 1, ""},
		{"another status is a failure", "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\nboom", false, 200, 0, 1, "status 500: boom"},
		{"Connection: close redials", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", true, 200, 20, 20, ""},
		{"HTTP/1.0 closes", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", true, 200, 20, 20, ""},
		{"HTTP/1.0 keep-alive stays", "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", false, 200, 20, 1, ""},
		{"a body to the end of the connection", "HTTP/1.1 200 OK\r\n\r\nall of it", true, 200, 20, 20, ""},
		{"100 Continue first", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false, 200, 20, 1, ""},
		{"204 has no body", "HTTP/1.1 204 No Content\r\n\r\n", false, 204, 20, 1, ""},
		{"a closed connection mid-body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhalf", true, 200, 0, 20, "unexpected EOF"},
		{"an unsupported transfer coding", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n", true, 200, 0, 20, "unsupported Transfer-Encoding"},
		{"a malformed status line", "HTTP/1.1 2x0 OK\r\n\r\n", true, 200, 0, 20, "malformed status line"},
		{"two Content-Lengths that differ", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok", true, 200, 0, 20, "malformed Content-Length"},
		{"a header line over the buffer", "HTTP/1.1 200 OK\r\nX: " + strings.Repeat("a", 5000) + "\r\n\r\n", true, 200, 0, 20, "a line longer than 4096 bytes"},
		{"a bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", true, 200, 0, 20, "malformed chunk size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url, reqs, conns := rawServer(t, tt.reply, tt.closeAfter)
			r, err := Run(context.Background(), Config{Clients: 1, Requests: 20, Status: tt.status}, []Request{{Method: "POST", URL: url + "/x", Body: []byte(`{}`)}})
			require.NoError(t, err)
			assert.Equal(t, tt.ok, r.Requests)
			assert.Equal(t, 20-tt.ok, r.Failures)
			assert.Equal(t, int64(20), reqs.Load(), "every request reached the server")
			assert.LessOrEqual(t, conns.Load(), tt.conns)
			if tt.example != "" {
				assert.Contains(t, r.Example, tt.example)
			} else {
				assert.Empty(t, r.Example)
			}
		})
	}
}

func TestWireAgainstNetHTTP(t *testing.T) {
	tests := []struct {
		name    string
		handler http.HandlerFunc
		ok      bool
		conns   int64
	}{
		{"a flushed body is chunked", func(w http.ResponseWriter, _ *http.Request) {
			_, _ = io.WriteString(w, "part one,")
			w.(http.Flusher).Flush()
			_, _ = io.WriteString(w, "part two")
		}, true, 2},
		{"the server closes the connection", func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Connection", "close")
			_, _ = io.WriteString(w, "bye")
		}, true, 100},
		{"a 404 is a failure", http.NotFound, false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var conns atomic.Int64
			ts := httptest.NewUnstartedServer(tt.handler)
			ts.Config.ConnState = func(_ net.Conn, s http.ConnState) {
				if s == http.StateNew {
					conns.Add(1)
				}
			}
			ts.Start()
			defer ts.Close()
			r, err := Run(context.Background(), Config{Clients: 2, Requests: 100}, []Request{{Method: "GET", URL: ts.URL}})
			require.NoError(t, err)
			if tt.ok {
				assert.Equal(t, 100, r.Requests, r.Example)
			} else {
				assert.Equal(t, 100, r.Failures)
				assert.Contains(t, r.Example, "status 404: 404 page not found")
			}
			assert.LessOrEqual(t, conns.Load(), tt.conns)
		})
	}
}

func TestWireCancel(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	go func() { // accepts and never answers
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	// The server never answers: Run returns only because the cancel
	// stops it (a run that kept waiting would end at the test's timeout).
	r, err := Run(ctx, Config{Clients: 4, Requests: 100}, []Request{{URL: "http://" + ln.Addr().String()}})
	require.NoError(t, err)
	assert.Zero(t, r.Failures, "requests cut short by the cancel are not failures")
	assert.Zero(t, r.Requests)
}
