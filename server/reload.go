package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/rules"
)

// snapshot is one complete catalog: the engine compiled from its sources,
// its revision and when it was loaded. A snapshot is never changed once
// published; a reload publishes a new one.
type snapshot struct {
	engine   *rules.Engine
	revision string
	loaded   time.Time
	sources  []string
}

// reloadFailure is the last failed reload: when and why. The snapshot that
// was serving keeps serving.
type reloadFailure struct {
	at  time.Time
	err error
}

// loadSnapshot compiles the catalog cfg names: its files, the shipped
// catalog Builtin, or the default catalog. The revision is the SHA-256 of
// the sources' names and bytes, the bytes that were compiled: files are
// read once, hashed, and compiled from those bytes when there is one, and
// re-read after rules.Load when there are several, so that a file changed
// in between is noticed and the load retried.
func loadSnapshot(cfg *Config, now time.Time) (*snapshot, error) {
	switch {
	case len(cfg.Catalogs) > 0:
		return loadFiles(cfg.Catalogs, now)
	case cfg.Builtin != "":
		src, err := rules.NamedCatalog(cfg.Builtin)
		if err != nil {
			return nil, err
		}
		e, err := rules.Compile(cfg.Builtin, src)
		if err != nil {
			return nil, err
		}
		return &snapshot{engine: e, revision: revision([]string{"builtin:" + cfg.Builtin}, [][]byte{src}), loaded: now, sources: []string{"builtin:" + cfg.Builtin}}, nil
	}
	return &snapshot{engine: rules.Default(), revision: revision([]string{"builtin:default"}, [][]byte{rules.DefaultCatalog()}), loaded: now, sources: []string{"builtin:default"}}, nil
}

func loadFiles(paths []string, now time.Time) (*snapshot, error) {
	for range 3 {
		srcs, err := readSources(paths)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", rules.ErrInvalidCatalog, err)
		}
		var e *rules.Engine
		if len(paths) == 1 {
			e, err = rules.Compile(paths[0], srcs[0])
		} else {
			e, err = rules.Load(paths...)
		}
		if err != nil {
			return nil, err
		}
		if len(paths) > 1 {
			again, err := readSources(paths)
			if err != nil || !slices.EqualFunc(srcs, again, bytes.Equal) {
				continue // a file changed while it was compiled
			}
		}
		return &snapshot{engine: e, revision: revision(paths, srcs), loaded: now, sources: slices.Clone(paths)}, nil
	}
	return nil, fmt.Errorf("%w: the catalog files kept changing while they were loaded", rules.ErrInvalidCatalog)
}

func readSources(paths []string) ([][]byte, error) {
	srcs := make([][]byte, len(paths))
	for i, p := range paths {
		b, err := readfile.Read(p)
		if err != nil {
			return nil, err
		}
		srcs[i] = b
	}
	return srcs, nil
}

// revision returns the first 16 hex digits of the SHA-256 of the sources'
// names and lengths and bytes: the same sources give the same revision on
// every replica.
func revision(names []string, srcs [][]byte) string {
	h := sha256.New()
	for i, n := range names {
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.Base(n), len(srcs[i]))
		h.Write(srcs[i])
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Reload compiles the catalog again, and the token file when there is
// one, off the serving path, and swaps them in atomically: a request
// decides on the old snapshot or the new one, never on a mix. When either
// is invalid, nothing changes: the last good catalog and tokens keep
// serving, and the failure is logged, counted and shown by /readyz until a
// reload succeeds. Reloads are serialized; Reload is safe to call from
// several goroutines (SIGHUP, the file watcher, tests).
func (s *Server) Reload() error {
	s.reloadMu.Lock()
	defer s.reloadMu.Unlock()
	snap, err := loadSnapshot(&s.cfg, s.now())
	var tokens [][]byte
	if err == nil && s.cfg.TokenFile != "" {
		tokens, err = readTokens(s.cfg.TokenFile)
	}
	if err != nil {
		s.failed.Store(&reloadFailure{at: s.now(), err: err})
		s.metrics.reloadFailures.Inc()
		s.log.Error("catalog reload failed; the last good catalog keeps serving", "revision", s.snapshot().revision, "error", err.Error())
		return err
	}
	if tokens != nil {
		s.tokens.Store(&tokens)
	}
	old := s.cur.Swap(snap)
	s.failed.Store(nil)
	s.metrics.reloads.Inc()
	s.metrics.setRevision(old.revision, snap.revision)
	s.log.Info("catalog reloaded", "revision", snap.revision, "previous", old.revision, "sources", snap.sources)
	return nil
}

// Watch reloads (see Reload) whenever a catalog file or the token file is
// written, created, renamed or removed, until ctx is done. It watches the
// files' directories, so that editors that replace a file by renaming a
// new one over it are seen; events within settle of each other cause one
// reload. Watch returns nil when ctx ends, or an error if the watcher
// cannot start. A server of a shipped catalog has no files to watch.
func (s *Server) Watch(ctx context.Context, settle time.Duration) error {
	files := append(slices.Clone(s.cfg.Catalogs), s.cfg.TokenFile)
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	watched := map[string]bool{}
	dirs := map[string]bool{}
	for _, f := range files {
		if f == "" {
			continue
		}
		abs, err := filepath.Abs(f)
		if err != nil {
			return err
		}
		watched[abs] = true
		if dir := filepath.Dir(abs); !dirs[dir] {
			if err := w.Add(dir); err != nil {
				return err
			}
			dirs[dir] = true
		}
	}
	return s.watchLoop(ctx, w, watched, settle)
}

func (s *Server) watchLoop(ctx context.Context, w *fsnotify.Watcher, watched map[string]bool, settle time.Duration) error {
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-w.Events:
			if !ok {
				return errors.New("server: file watcher closed")
			}
			if abs, err := filepath.Abs(ev.Name); err == nil && watched[abs] {
				timer.Reset(settle)
			}
		case err, ok := <-w.Errors:
			if ok {
				s.log.Warn("catalog watcher", "error", err.Error())
			}
		case <-timer.C:
			_ = s.Reload() // failures are logged, counted and shown by /readyz
		}
	}
}
