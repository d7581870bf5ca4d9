package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
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

// TestNoRequestSeesHalfACatalog rewrites a catalog of two files 200 times
// while clients decide: each answer must be the one of the revision it
// names, computed from the files as written together.
func TestNoRequestSeesHalfACatalog(t *testing.T) {
	dir := t.TempDir()
	calPath := filepath.Join(dir, "cal.yaml")
	tierPath := filepath.Join(dir, "tiers.yaml")
	write := func(k int) string { // the calendar and the tier name the same k
		cal := fmt.Sprintf("version: 1\ncalendars:\n  c%d: {zone: UTC, hours: {mon-sun: \"00:00-24:00\"}}\n", k)
		tier := fmt.Sprintf("version: 1\ntiers:\n  std: {name: S, response: {P1: %dh c%d}}\n", k, k)
		require.NoError(t, os.WriteFile(calPath, []byte(cal), 0o600))
		require.NoError(t, os.WriteFile(tierPath, []byte(tier), 0o600))
		return revision([]string{calPath, tierPath}, [][]byte{[]byte(cal), []byte(tier)})
	}
	want := sync.Map{} // revision -> hours
	want.Store(write(1), 1)
	s, ts := testServer(t, Config{Catalogs: []string{calPath, tierPath}})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var answers, failures sync.Map
	for w := range 4 {
		wg.Go(func() {
			client := &http.Client{Timeout: 5 * time.Second}
			for i := 0; ctx.Err() == nil; i++ {
				resp, err := client.Post(ts.URL+"/v1/deadline", "application/json", strings.NewReader(`{"tier":"std","priority":"P1","opened":"2026-03-02T00:00:00Z"}`))
				if err != nil {
					failures.Store(fmt.Sprint(w, i), err.Error())
					continue
				}
				var d revisionAnswer
				err = json.NewDecoder(resp.Body).Decode(&d)
				resp.Body.Close()
				if err != nil || resp.StatusCode != 200 {
					failures.Store(fmt.Sprint(w, i), fmt.Sprint(resp.StatusCode, err))
					continue
				}
				answers.Store(fmt.Sprint(w, i), d)
			}
		})
	}
	for k := 2; k <= 201; k++ {
		want.Store(write(k), k)
		_ = s.Reload() // it may read the pair half rewritten: then it fails, and the last good catalog serves
	}
	cancel()
	wg.Wait()
	n := 0
	answers.Range(func(_, v any) bool {
		d := v.(revisionAnswer)
		hours, ok := want.Load(d.Revision)
		require.True(t, ok, "an answer of unknown revision %s", d.Revision)
		assert.Equal(t, time.Date(2026, 3, 2, hours.(int), 0, 0, 0, time.UTC), d.Result.Due.UTC(), "revision %s", d.Revision)
		n++
		return true
	})
	failures.Range(func(k, v any) bool { t.Errorf("request %v failed: %v", k, v); return true })
	assert.Positive(t, n)
	t.Logf("%d answers across 200 rewrites", n)
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
