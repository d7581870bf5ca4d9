package server

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
	"time"
)

// route is one pattern of the mux and its handler; documented routes are
// those of the OpenAPI document (a method and a path), the others answer
// CORS preflights, wrong methods and unknown paths.
type route struct {
	pattern    string
	handler    http.Handler
	documented bool
}

// routes returns the server's handler: the mux of every route, inside
// panic recovery and metrics. The mux sets r.Pattern on the request the
// outer handlers hold, which names the route in metrics.
func (s *Server) routes() http.Handler {
	mux := http.NewServeMux()
	var patterns []string
	for _, r := range s.table() {
		mux.Handle(r.pattern, r.handler)
		patterns = append(patterns, r.pattern)
	}
	return s.metrics.observe(patterns, s.recover(mux))
}

// table lists every route of the server.
func (s *Server) table() []route {
	open := func(h http.Handler) http.Handler { // health, metrics, the document
		if s.cfg.AuthAll {
			return s.requireToken(h)
		}
		return h
	}
	var t []route
	for _, q := range questions {
		t = append(t,
			route{"POST /v1/" + q.name, s.cors(s.requireToken(s.limit(s.decision(q)))), true},
			route{"OPTIONS /v1/" + q.name, s.cors(http.HandlerFunc(noContent)), false},
			route{"/v1/" + q.name, methodNotAllowed("POST"), false})
	}
	t = append(t, s.playgroundRoutes()...) // the page at /, unless NoPlayground
	return append(t,
		route{"GET /v1/catalog", s.cors(s.requireToken(http.HandlerFunc(s.catalog))), true},
		route{"OPTIONS /v1/catalog", s.cors(http.HandlerFunc(noContent)), false},
		route{"GET /healthz", open(http.HandlerFunc(s.healthz)), true},
		route{"GET /readyz", open(http.HandlerFunc(s.readyz)), true},
		route{"GET /metrics", open(s.metrics.handler()), true},
		route{"GET /openapi.json", open(http.HandlerFunc(serveOpenAPI)), true},
		route{"/", http.HandlerFunc(notFound), false})
}

func noContent(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) }

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, &httpError{status: http.StatusNotFound, code: CodeNotFound, err: fmt.Errorf("no route %s %s; see /openapi.json", r.Method, r.URL.Path)}, "")
}

func methodNotAllowed(allow string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", allow)
		writeError(w, &httpError{status: http.StatusMethodNotAllowed, code: CodeMethod, err: fmt.Errorf("%s takes %s, not %s", r.URL.Path, allow, r.Method)}, "")
	})
}

// recover turns a panic of a handler into a 500 that carries the request's
// decision id (the one the decision handler took, or a new one), and logs
// the panic and its stack with that id. The panic http.ErrAbortHandler is
// passed on, as net/http expects.
func (s *Server) recover(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if v == http.ErrAbortHandler {
				panic(v)
			}
			id := decisionID(w)
			s.log.Error("panic answering a request", "decisionId", id, "route", r.Pattern, "panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			writeError(w, &httpError{status: http.StatusInternalServerError, code: CodeInternal, err: errors.New("panic")}, id)
		}()
		next.ServeHTTP(w, r)
	})
}

// decisionHeader carries the decision id of a request in the response; one
// a client sends is ignored.
const decisionHeader = "X-Decision-Id"

// limit wraps next with the concurrency limit, the drain and the
// per-request deadline: a request gets 503 when the server is draining or
// MaxInFlight decisions are being answered, with Retry-After.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.draining.Load() {
			w.Header().Set("Connection", "close")
			unavailable(w, "the server is shutting down")
			return
		}
		if s.inFlight.Add(1) > int64(s.cfg.MaxInFlight) {
			s.inFlight.Add(-1)
			unavailable(w, fmt.Sprintf("over the concurrency limit of %d requests", s.cfg.MaxInFlight))
			return
		}
		defer s.inFlight.Add(-1)
		next.ServeHTTP(w, r)
	})
}

func unavailable(w http.ResponseWriter, msg string) {
	w.Header().Set("Retry-After", "1")
	writeError(w, &httpError{status: http.StatusServiceUnavailable, code: CodeUnavailable, err: errors.New(msg)}, "")
}

// cors adds the CORS headers for CORSOrigin when a request comes from it.
func (s *Server) cors(next http.Handler) http.Handler {
	if s.cfg.CORSOrigin == "" {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") == s.cfg.CORSOrigin {
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", s.cfg.CORSOrigin)
			h.Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
			h.Set("Access-Control-Max-Age", "600")
			h.Add("Vary", "Origin")
		}
		next.ServeHTTP(w, r)
	})
}

// Health is the body of /healthz and /readyz.
type Health struct {
	Status      string     `json:"status"` // "ok", "draining" or "no catalog"
	Revision    string     `json:"revision,omitempty"`
	LoadedAt    *time.Time `json:"loadedAt,omitempty"`
	ReloadError string     `json:"reloadError,omitempty"` // why the last reload failed, while the last good catalog serves
	FailedAt    *time.Time `json:"failedAt,omitempty"`
}

func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, Health{Status: "ok"})
}

// readyz is 200 while a catalog is loaded and the server is not draining,
// else 503; a failed reload is reported while the last good catalog
// serves, which keeps it ready.
func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	h := Health{Status: "ok"}
	status := http.StatusOK
	snap := s.snapshot()
	if snap == nil {
		h.Status, status = "no catalog", http.StatusServiceUnavailable
	} else {
		h.Revision, h.LoadedAt = snap.revision, &snap.loaded
	}
	if f := s.failed.Load(); f != nil {
		h.ReloadError, h.FailedAt = f.err.Error(), &f.at
	}
	if s.draining.Load() {
		h.Status, status = "draining", http.StatusServiceUnavailable
	}
	writeJSON(w, status, h)
}

// Catalog is the body of GET /v1/catalog: the tiers of the catalog
// serving, its revision, when it was loaded and from what.
type Catalog struct {
	Revision string    `json:"revision"`
	LoadedAt time.Time `json:"loadedAt"`
	Sources  []string  `json:"sources"`
	Tiers    []Tier    `json:"tiers"`
}

// Tier is one tier of a Catalog.
type Tier struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Family  string   `json:"family,omitempty"`
	Legacy  bool     `json:"legacy"`
	Aliases []string `json:"aliases"`
}

func (s *Server) catalog(w http.ResponseWriter, _ *http.Request) {
	snap := s.snapshot()
	c := Catalog{Revision: snap.revision, LoadedAt: snap.loaded, Sources: snap.sources, Tiers: []Tier{}}
	for _, id := range snap.engine.Tiers() {
		t, err := snap.engine.Tier(id)
		if err != nil {
			continue
		}
		c.Tiers = append(c.Tiers, Tier{ID: t.ID, Name: t.Name, Family: t.Family, Legacy: t.Legacy, Aliases: append([]string{}, t.Aliases...)})
	}
	writeJSON(w, http.StatusOK, c)
}
