package server

import (
	"bytes"
	"embed"
	"errors"
	"io/fs"
	"net/http"

	"github.com/tiercel/tiercel/picture"
	"github.com/tiercel/tiercel/rules"
)

// playgroundFiles are the page at / and its script and style sheet: plain
// HTML, vanilla JavaScript and CSS, served as they are, with no build step.
//
//go:embed playground/index.html playground/app.js playground/style.css
var playgroundFiles embed.FS

// PlaygroundCSP is the Content-Security-Policy of the playground's page
// and its routes: scripts and styles only from the server's own files (no
// inline script, no eval), pictures and data only from the server, no
// framing. The script inserts data with textContent and SVG elements
// parsed as XML, never as HTML.
const PlaygroundCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; " +
	"connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"

// playgroundRoutes are the routes of the playground page, none with
// NoPlayground. They are not part of the /v1 API (the OpenAPI document
// leaves them out): the pictures and the catalog check serve the page. With
// a token file they need a token, as /v1 does.
func (s *Server) playgroundRoutes() []route {
	if s.cfg.NoPlayground {
		return nil
	}
	static, err := fs.Sub(playgroundFiles, "playground")
	if err != nil { // the embedded directory is there at build time
		panic(err)
	}
	files := http.FileServerFS(static)
	page := func(h http.Handler) http.Handler { return securityHeaders(s.requireToken(h)) }
	work := func(h http.HandlerFunc) http.Handler { return page(s.limit(h)) }
	return []route{
		{"GET /{$}", page(files), false},
		{"GET /playground/{file}", page(http.StripPrefix("/playground", files)), false},
		{"POST /playground/weekgrid", work(s.weekGridSVG), false},
		{"POST /playground/timeline", work(s.timelineSVG), false},
		{"POST /playground/check", work(s.checkCatalog), false},
	}
}

// securityHeaders sets the playground's CSP and the headers that keep its
// answers from being sniffed, framed or referred.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", PlaygroundCSP)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		next.ServeHTTP(w, r)
	})
}

// weekGridSVG answers a CompareRequest with a scope by the week grid of
// the move (picture.MeasureWeek and picture.WeekGrid) as an SVG document.
func (s *Server) weekGridSVG(w http.ResponseWriter, r *http.Request) {
	s.drawing(w, r, func(e *rules.Engine, body []byte, buf *bytes.Buffer) error {
		var q CompareRequest
		if err := decodeStrict(body, &q); err != nil {
			return err
		}
		if err := required(map[string]string{"from": q.From, "to": q.To}); err != nil {
			return err
		}
		if q.Scope == nil {
			return badRequest("scope", "missing scope: the week grid measures a window of openings")
		}
		sc, err := q.Scope.scope()
		if err != nil {
			return err
		}
		week, err := picture.MeasureWeek(e, q.From, q.To, sc)
		if err != nil {
			return err
		}
		return picture.WeekGrid(buf, week)
	})
}

// timelineSVG answers a case file's document (as POST /v1/timeline reads
// it) by the picture of its clocks (picture.Timeline) as an SVG document.
func (s *Server) timelineSVG(w http.ResponseWriter, r *http.Request) {
	s.drawing(w, r, func(e *rules.Engine, body []byte, buf *bytes.Buffer) error {
		h, err := parseCase(bodyName, body, true)
		if err != nil {
			return err
		}
		tl, err := h.Timeline(e)
		if err != nil {
			return err
		}
		c := picture.TimelineCase{Case: h.Case, Events: h.Events}
		if t, err := e.Tier(h.Case.Tier); err == nil {
			c.TierName = t.Name
		}
		return picture.Timeline(buf, tl, c)
	})
}

// drawing reads the body within MaxBody, draws it with draw on the catalog
// serving when the request arrived, and writes the SVG document, or the
// error in the API's shape.
func (s *Server) drawing(w http.ResponseWriter, r *http.Request, draw func(*rules.Engine, []byte, *bytes.Buffer) error) {
	id := decisionID(w)
	snap := s.snapshot()
	body, err := readBody(w, r, s.cfg.MaxBody)
	var buf bytes.Buffer
	if err == nil {
		err = draw(snap.engine, body, &buf)
	}
	if err != nil {
		writeError(w, classify(err), id)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
	w.Header().Set("X-Revision", snap.revision)
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(buf.Bytes())
}

// CatalogCheck is the answer of POST /playground/check: whether the
// catalog in the body compiles, its tiers when it does, and its positioned
// errors (capped as rules.ErrorList caps them) when it does not.
type CatalogCheck struct {
	OK     bool           `json:"ok"`
	Tiers  []string       `json:"tiers"`
	Errors []CatalogError `json:"errors"`
}

// CatalogError is one error of a catalog: its position (1-based; 0 when
// unknown), the YAML path and message, and the whole line as the command
// prints it, "file:line:col: path: message".
type CatalogError struct {
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Path    string `json:"path"`
	Message string `json:"message"`
	Text    string `json:"text"`
}

// checkCatalog compiles the body, a YAML catalog document named
// catalog.yaml in positions, with rules.Compile, and answers a
// CatalogCheck: 200 whether or not the catalog is valid.
func (s *Server) checkCatalog(w http.ResponseWriter, r *http.Request) {
	body, err := readBody(w, r, s.cfg.MaxBody)
	if err != nil {
		writeError(w, classify(err), decisionID(w))
		return
	}
	writeJSON(w, http.StatusOK, checkCatalogDoc(body))
}

// checkCatalogDoc compiles src and lists what is wrong with it.
func checkCatalogDoc(src []byte) CatalogCheck {
	c := CatalogCheck{Tiers: []string{}, Errors: []CatalogError{}}
	e, err := rules.Compile("catalog.yaml", src)
	if err == nil {
		c.OK, c.Tiers = true, append(c.Tiers, e.Tiers()...)
		return c
	}
	var list rules.ErrorList
	if !errors.As(err, &list) {
		c.Errors = append(c.Errors, CatalogError{Message: err.Error(), Text: err.Error()})
		return c
	}
	for _, pe := range list {
		c.Errors = append(c.Errors, CatalogError{Line: pe.Line, Column: pe.Column, Path: pe.Path, Message: pe.Msg, Text: pe.Error()})
	}
	return c
}
