package server

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every request is answered by exactRoutes as by the mux alone, with the
// same pattern; only a POST to a decision route's exact path skips the mux.
func TestExactRoutesAsTheMux(t *testing.T) {
	s, err := New(Config{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	require.NoError(t, err)
	table := s.table()
	mux := http.NewServeMux()
	for _, r := range table {
		mux.Handle(r.pattern, r.handler)
	}
	muxed := 0
	counting := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { muxed++; mux.ServeHTTP(w, r) })
	exact := newExactRoutes(table, counting)
	body := `{"tier":"enhanced","priority":"P2","opened":"2026-03-05T10:00:00Z"}`
	tests := []struct {
		name, method, target string
		fast                 bool
	}{
		{"a decision", http.MethodPost, "/v1/deadline", true},
		{"another decision", http.MethodPost, "/v1/status", true},
		{"a query string", http.MethodPost, "/v1/deadline?x=1", true},
		{"a trailing slash", http.MethodPost, "/v1/deadline/", false},
		{"a path to clean", http.MethodPost, "/v1//deadline", false},
		{"a dot segment", http.MethodPost, "/v1/x/../deadline", false},
		{"an escape", http.MethodPost, "/v1/dead%6Cine", false},
		{"a GET of a decision", http.MethodGet, "/v1/deadline", false},
		{"OPTIONS", http.MethodOptions, "/v1/deadline", false},
		{"POST to a GET route", http.MethodPost, "/v1/catalog", false},
		{"an unknown path", http.MethodPost, "/v1/nothing", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			serve := func(h http.Handler) (*httptest.ResponseRecorder, string) {
				r := httptest.NewRequest(tt.method, tt.target, strings.NewReader(body))
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				return w, r.Pattern
			}
			before := muxed
			got, gotPattern := serve(exact)
			assert.Equal(t, tt.fast, muxed == before, "skips the mux")
			want, wantPattern := serve(mux)
			assert.Equal(t, want.Code, got.Code)
			assert.Equal(t, wantPattern, gotPattern)
			assert.Equal(t, want.Header().Get("Location"), got.Header().Get("Location"))
			assert.Equal(t, want.Header().Get("Content-Type"), got.Header().Get("Content-Type"))
		})
	}
}
