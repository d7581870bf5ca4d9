package server

import (
	"net/http"
	"strings"
)

// exactRoutes serves the routes of one method and one exact path (the
// decision routes, POST /v1/{question}) without the mux's pattern
// matching: a POST whose path is, as sent, one of theirs goes straight to
// its handler, with r.Pattern set as the mux sets it; every other request
// (a path with escapes, one the mux would clean or redirect, another
// method) goes to the mux, which decides as before. It is not changed
// once built and may serve requests concurrently.
type exactRoutes struct {
	post map[string]exactRoute // by path
	mux  http.Handler
}

// exactRoute is a route's pattern and its handler.
type exactRoute struct {
	pattern string
	handler http.Handler
}

// newExactRoutes takes the routes of table whose pattern is POST and an
// exact path (no wildcard, no trailing slash) in front of mux.
func newExactRoutes(table []route, mux http.Handler) exactRoutes {
	e := exactRoutes{post: map[string]exactRoute{}, mux: mux}
	for _, r := range table {
		path, ok := strings.CutPrefix(r.pattern, http.MethodPost+" /")
		if !ok || path == "" || strings.ContainsAny(path, "{}") || strings.HasSuffix(path, "/") {
			continue
		}
		e.post["/"+path] = exactRoute{r.pattern, r.handler}
	}
	return e
}

// ServeHTTP sends r to its decision route's handler when r is a POST to
// one of their paths as sent, and to the mux otherwise.
func (e exactRoutes) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodPost && r.URL.RawPath == "" && r.RequestURI != "*" {
		if rt, ok := e.post[r.URL.Path]; ok {
			r.Pattern = rt.pattern
			rt.handler.ServeHTTP(w, r)
			return
		}
	}
	e.mux.ServeHTTP(w, r)
}
