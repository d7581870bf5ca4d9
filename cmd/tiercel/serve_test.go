package main

import (
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeRefusals(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"beyond loopback without TLS or tokens", []string{"serve", "--addr", "0.0.0.0:0"}, exitUsage, "--insecure"},
		{"an argument", []string{"serve", "x"}, exitUsage, "no arguments"},
		{"bad catalog", []string{"serve", "--catalog", "testdata/bad.yaml", "--check"}, exitInput, "testdata/bad.yaml:"},
		{"missing token file", []string{"serve", "--auth-token-file", "testdata/none", "--check"}, exitInput, "token file"},
		{"half a key pair", []string{"serve", "--tls-cert", "testdata/none", "--check"}, exitInput, "TLS"},
		{"sample", []string{"serve", "--decision-log-sample", "2", "--check"}, exitUsage, "--decision-log-sample"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, code := runCmd(t, tt.args...)
			assert.Equal(t, tt.code, code, stderr)
			assert.Contains(t, stderr, tt.want)
		})
	}
	_, stderr, code := runCmd(t, "serve", "--addr", "0.0.0.0:0", "--insecure", "--check")
	assert.Equal(t, exitOK, code, "--insecure lets it listen anywhere: %s", stderr)
}

// startServe runs tiercel serve with args on 127.0.0.1 and returns its
// base URL and a function that waits for it to exit and returns its exit
// status, stopping it first (as SIGTERM does) when stop is true.
func startServe(t *testing.T, args ...string) (string, func(stop bool) int) {
	t.Helper()
	type started struct {
		addr string
		stop func()
	}
	ch := make(chan started, 1)
	serveStarted = func(addr string, stop func()) { ch <- started{addr, stop} }
	t.Cleanup(func() { serveStarted = nil })
	code := make(chan int, 1)
	go func() {
		code <- run(append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), io.Discard, io.Discard)
	}()
	var s started
	select {
	case s = <-ch:
	case c := <-code:
		t.Fatalf("serve exited with %d before listening", c)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not start")
	}
	return "http://" + s.addr, func(stop bool) int {
		if stop {
			s.stop()
		}
		select {
		case c := <-code:
			return c
		case <-time.After(15 * time.Second):
			t.Fatal("serve did not stop")
			return -1
		}
	}
}

// TestReadmeService runs the curl examples of the README's "Service"
// section against a real server on 127.0.0.1 and compares each answer
// with the JSON block that follows it; "…" stands for any value.
func TestReadmeService(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	section := string(readme)[strings.Index(string(readme), "\n## Service\n"):]
	section = section[:strings.Index(section[1:], "\n## ")+1]
	blocks := readmeBlocks(t, writeTemp(t, section))
	base, stop := startServe(t)
	ran := 0
	for i, b := range blocks {
		if b.lang != "shell" || !strings.HasPrefix(b.lines[0], "curl ") {
			continue
		}
		require.Less(t, i+1, len(blocks))
		require.Equal(t, "json", blocks[i+1].lang, "a curl example is followed by its answer")
		args := splitWords(t, strings.TrimPrefix(b.lines[0], "curl "))
		got := curl(t, base, args)
		var want any
		require.NoError(t, json.Unmarshal([]byte(strings.Join(blocks[i+1].lines, "\n")), &want))
		assertLike(t, want, got, b.lines[0])
		ran++
	}
	assert.Equal(t, 3, ran, "the README's curl examples were found")
	assert.Equal(t, exitOK, stop(true))
}

// curl does what curl -s [-d BODY] URL does (POST with a body), with the
// README's 127.0.0.1:8383 replaced by base.
func curl(t *testing.T, base string, args []string) any {
	t.Helper()
	var url, body string
	for i := 0; i < len(args); i++ {
		switch args[i] {
		case "-s":
		case "-d":
			i++
			body = args[i]
		default:
			url = strings.Replace(args[i], "127.0.0.1:8383", strings.TrimPrefix(base, "http://"), 1)
		}
	}
	var resp *http.Response
	var err error
	if body != "" {
		resp, err = http.Post("http://"+url, "application/x-www-form-urlencoded", strings.NewReader(body))
	} else {
		resp, err = http.Get("http://" + url)
	}
	require.NoError(t, err)
	defer resp.Body.Close()
	var v any
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&v))
	return v
}

// assertLike checks got against want, where the string "…" in want
// matches any value that is present.
func assertLike(t *testing.T, want, got any, where string) {
	t.Helper()
	switch w := want.(type) {
	case string:
		if w == "…" {
			assert.NotNil(t, got, where)
			return
		}
	case map[string]any:
		g, ok := got.(map[string]any)
		require.True(t, ok, "%s: want an object, got %v", where, got)
		assert.Len(t, g, len(w), "%s: keys of %v", where, g)
		for k, v := range w {
			assertLike(t, v, g[k], where+" ."+k)
		}
		return
	}
	assert.Equal(t, want, got, where)
}

func writeTemp(t *testing.T, s string) string {
	t.Helper()
	p := t.TempDir() + "/section.md"
	require.NoError(t, os.WriteFile(p, []byte(s), 0o600))
	return p
}

// TestServeSignals sends the test process SIGHUP and SIGTERM while serve
// runs: the first reloads the rewritten catalog, the second drains and
// exits 0.
func TestServeSignals(t *testing.T) {
	dir := t.TempDir()
	catalog := dir + "/tiers.yaml"
	write := func(hours string) {
		require.NoError(t, os.WriteFile(catalog, []byte("version: 1\ntiers:\n  std: {name: S, response: {P1: "+hours+" 24x7}}\n"), 0o600))
	}
	write("1h")
	base, wait := startServe(t, "--catalog", catalog)
	revision := func() any {
		resp, err := http.Get(base + "/readyz")
		require.NoError(t, err)
		defer resp.Body.Close()
		var v map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&v))
		return v["revision"]
	}
	first := revision()
	write("2h")
	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	require.Eventually(t, func() bool { return revision() != first }, 10*time.Second, 20*time.Millisecond)

	require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGTERM))
	assert.Equal(t, exitOK, wait(false))
}

func TestServeDecisionLogFile(t *testing.T) {
	logPath := t.TempDir() + "/decisions.jsonl"
	base, wait := startServe(t, "--decision-log", logPath, "--redact", "email")
	resp, err := http.Post(base+"/v1/deadline", "application/json",
		strings.NewReader(`{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z","attrs":{"email":"ana@example.com"}}`))
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	id := resp.Header.Get("X-Decision-Id")
	assert.Equal(t, exitOK, wait(true))
	b, err := os.ReadFile(logPath)
	require.NoError(t, err)
	var line map[string]any
	require.NoError(t, json.Unmarshal(b, &line), "one JSON line: %s", b)
	assert.Equal(t, id, line["decisionId"])
	assert.Equal(t, "deadline", line["route"])
	assert.NotContains(t, string(b), "ana@example.com")
}
