package server

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReloadKeepsTheLastGoodCatalog(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "tiers.yaml", catalogWithin(1))
	var logs bytes.Buffer
	s, ts := testServer(t, Config{Catalogs: []string{path}, Logger: slog.New(slog.NewJSONHandler(&logs, nil))})
	first := s.Revision()

	writeFile(t, dir, "tiers.yaml", catalogWithin(2))
	require.NoError(t, s.Reload())
	second := s.Revision()
	assert.NotEqual(t, first, second)

	writeFile(t, dir, "tiers.yaml", "version: 1\ntiers: {std: {response: {P9: 1h 24x7}}}\n")
	err := s.Reload()
	require.Error(t, err)
	assert.Equal(t, second, s.Revision(), "an invalid catalog keeps the last good one")
	assert.Contains(t, logs.String(), "catalog reload failed")

	status, v := get(t, ts.URL, "/readyz")
	assert.Equal(t, 200, status, "the last good catalog serves: still ready")
	assert.Equal(t, second, v["revision"])
	assert.Contains(t, v["reloadError"], "tiers.yaml:")

	status, v = post(t, ts.URL, "/v1/deadline", `{"tier":"std","priority":"P1","opened":"2026-03-02T09:00:00Z"}`)
	require.Equal(t, 200, status)
	assert.Equal(t, second, v["revision"])
	assert.Equal(t, "2026-03-02T11:00:00Z", v["result"].(map[string]any)["due"])

	metrics := scrape(t, ts.URL)
	assert.Contains(t, metrics, "tiercel_catalog_reloads_total 1")
	assert.Contains(t, metrics, "tiercel_catalog_reload_failures_total 1")
	assert.Contains(t, metrics, `tiercel_catalog_info{revision="`+second+`"} 1`)
	assert.NotContains(t, metrics, first, "the info gauge shows one revision")

	writeFile(t, dir, "tiers.yaml", catalogWithin(3))
	require.NoError(t, s.Reload())
	_, v = get(t, ts.URL, "/readyz")
	assert.Nil(t, v["reloadError"], "a good reload clears the failure")
}

func TestRevisionIsTheContent(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a.yaml", catalogWithin(1))
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	sa, err := New(Config{Catalogs: []string{a}, Logger: quiet})
	require.NoError(t, err)
	other := writeFile(t, t.TempDir(), "a.yaml", catalogWithin(1))
	sb, err := New(Config{Catalogs: []string{other}, Logger: quiet})
	require.NoError(t, err)
	assert.Equal(t, sa.Revision(), sb.Revision(), "the same sources in another directory: one revision, on every replica")
	require.NoError(t, os.WriteFile(a, []byte(catalogWithin(1)+"# a comment\n"), 0o600))
	require.NoError(t, sa.Reload())
	assert.NotEqual(t, sb.Revision(), sa.Revision(), "any byte changes the revision")
}

// revisionAnswer is what a deadline answer says of its catalog.
type revisionAnswer struct {
	Revision string
	Result   struct{ Due time.Time }
}

func TestWatchReloadsOnWrite(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, dir, "tiers.yaml", catalogWithin(1))
	s, _ := testServer(t, Config{Catalogs: []string{path}})
	first := s.Revision()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Watch(ctx, 20*time.Millisecond) }()
	time.Sleep(100 * time.Millisecond) // the watcher is added
	// an editor that writes a new file and renames it over the old one
	tmp := writeFile(t, dir, "tiers.yaml.tmp", catalogWithin(5))
	require.NoError(t, os.Rename(tmp, path))
	require.Eventually(t, func() bool { return s.Revision() != first }, 5*time.Second, 10*time.Millisecond)
	cancel()
	require.NoError(t, <-done)
}

func scrape(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url + "/metrics")
	require.NoError(t, err)
	defer resp.Body.Close()
	return readAll(t, resp)
}
