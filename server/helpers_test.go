package server

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// testServer starts s's handler on 127.0.0.1 for the test.
func testServer(t *testing.T, cfg Config) (*Server, *httptest.Server) {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s, err := New(cfg)
	require.NoError(t, err)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return s, ts
}

// post sends body to path and returns the status and the decoded JSON.
func post(t *testing.T, url, path, body string, header ...string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url+path, strings.NewReader(body))
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func get(t *testing.T, url, path string, header ...string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url+path, nil)
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return do(t, req)
}

func do(t *testing.T, req *http.Request) (int, map[string]any) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var v map[string]any
	if len(bytes.TrimSpace(b)) > 0 && b[0] == '{' {
		require.NoError(t, json.Unmarshal(b, &v), "body %s", b)
	}
	return resp.StatusCode, v
}

// errorOf returns the "error" object of a response.
func errorOf(t *testing.T, v map[string]any) map[string]any {
	t.Helper()
	e, ok := v["error"].(map[string]any)
	require.True(t, ok, "no error object in %v", v)
	return e
}

// writeFile writes src to name under dir and returns its path.
func writeFile(t *testing.T, dir, name, src string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(src), 0o600))
	return p
}

// catalogWithin returns a one-tier catalog whose P1 target is hours of
// 24x7 time.
func catalogWithin(hours int) string {
	return "version: 1\ntiers:\n  std:\n    name: Standard\n    response: {P1: " + strconv.Itoa(hours) + "h 24x7}\n"
}

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}

// listen serves a new server of cfg on 127.0.0.1 until the test ends and
// returns its address.
func listen(t *testing.T, cfg Config) string {
	t.Helper()
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	s, err := New(cfg)
	require.NoError(t, err)
	return strings.TrimPrefix(serveTest(t, s), "http://")
}
