package server

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestServeDrainsInFlightRequests starts a real server on 127.0.0.1,
// holds 5 decisions in flight, shuts down, and checks that the 5 complete
// with 200 while the listener refuses new connections.
func TestServeDrainsInFlightRequests(t *testing.T) {
	s, err := New(Config{Catalogs: []string{"testdata/tiers.yaml"}, Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ShutdownTimeout: 5 * time.Second})
	require.NoError(t, err)
	entered, release := make(chan struct{}, 5), make(chan struct{})
	s.beforeDecide = func(*http.Request) { entered <- struct{}{}; <-release }
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	url := "http://" + ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()

	var wg sync.WaitGroup
	codes := make([]int, 5)
	for i := range codes {
		wg.Go(func() { codes[i], _ = post(t, url, "/v1/deadline", deadlineBody) })
	}
	for range codes {
		<-entered
	}
	stop()
	require.Eventually(t, s.draining.Load, 5*time.Second, time.Millisecond)
	rec := httpRecorder(t, s, "/readyz")
	assert.Equal(t, http.StatusServiceUnavailable, rec, "draining: not ready")
	rec = httpRecorder(t, s, "/v1/deadline")
	assert.Equal(t, http.StatusServiceUnavailable, rec, "draining: new decisions refused")
	close(release)
	wg.Wait()
	assert.Equal(t, []int{200, 200, 200, 200, 200}, codes, "in-flight requests complete")
	require.NoError(t, <-served)
	_, err = net.DialTimeout("tcp", ln.Addr().String(), time.Second)
	assert.Error(t, err, "the listener is closed")
}

func TestServeDrainTimeout(t *testing.T) {
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), ShutdownTimeout: 50 * time.Millisecond})
	require.NoError(t, err)
	entered, release := make(chan struct{}, 1), make(chan struct{})
	defer close(release)
	s.beforeDecide = func(*http.Request) { entered <- struct{}{}; <-release }
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	go func() {
		resp, err := http.Post("http://"+ln.Addr().String()+"/v1/deadline", "application/json", strings.NewReader(`{"tier":"enhanced","priority":"P1","opened":"2026-03-02T09:00:00Z"}`))
		if err == nil {
			resp.Body.Close()
		}
	}()
	<-entered
	stop()
	assert.True(t, errors.Is(<-served, context.DeadlineExceeded), "a drain past the timeout is an error")
}

func TestSlowClientTimesOut(t *testing.T) {
	addr := listen(t, Config{ReadTimeout: 200 * time.Millisecond})
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /v1/deadline HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"))
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	b, _ := io.ReadAll(conn) // the server answers or closes once its read timeout passes
	assert.NotContains(t, string(b), "200 OK")
}

func TestHeaderCap(t *testing.T) {
	addr := listen(t, Config{MaxHeaderBytes: 1024})
	req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/healthz", nil)
	req.Header.Set("X-Big", strings.Repeat("x", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)
}

// httpRecorder answers a GET or POST of path by s's handler in process
// and returns the status.
func httpRecorder(t *testing.T, s *Server, path string) int {
	t.Helper()
	method := http.MethodGet
	if strings.HasPrefix(path, "/v1/") && path != "/v1/catalog" {
		method = http.MethodPost
	}
	rec := httptest.NewRecorder()
	s.Handler().ServeHTTP(rec, httptest.NewRequest(method, path, strings.NewReader(deadlineBody)))
	return rec.Code
}

// drainLog is a log writer that holds the "draining" line until released,
// and tells when it has it.
type drainLog struct {
	held, release chan struct{}
}

func (d *drainLog) Write(p []byte) (int, error) {
	if strings.Contains(string(p), "msg=draining") {
		close(d.held)
		<-d.release
	}
	return len(p), nil
}

// TestDrainingRefusesNewConnections checks the order of a drain: whenever
// the server answers as draining (503, /readyz not ready), its listener is
// already closed, so a client sent away reconnects to a refusal, not into
// the listen backlog that closing the listener resets. The drain's log
// line is held to stop the drain between its steps.
func TestDrainingRefusesNewConnections(t *testing.T) {
	dl := &drainLog{held: make(chan struct{}), release: make(chan struct{})}
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(dl, nil))})
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	stop()
	<-dl.held
	dialRefused := func() bool {
		conn, err := net.DialTimeout("tcp", ln.Addr().String(), time.Second)
		if err == nil {
			conn.Close()
		}
		return err != nil
	}
	if s.draining.Load() {
		assert.True(t, dialRefused(), "draining while the listener still accepts")
	}
	close(dl.release)
	require.Eventually(t, s.draining.Load, 5*time.Second, time.Millisecond)
	assert.True(t, dialRefused(), "draining: new connections are refused")
	require.NoError(t, <-served)
}
