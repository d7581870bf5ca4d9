package server

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fetch sends method path with body and returns the status, the headers
// and the body.
func fetch(t *testing.T, method, url, body string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(b)
}

// wellFormedSVG requires doc to be one well-formed XML document whose
// root is an svg element.
func wellFormedSVG(t *testing.T, doc string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(doc))
	root := ""
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok && root == "" {
			root = se.Name.Local
		}
	}
	assert.Equal(t, "svg", root)
}

const weekReq = `{"from":"standard","to":"enhanced","scope":{"zone":"Europe/Berlin","country":"DE","from":"2026-03-02","to":"2026-03-09"}}`

const timelineReq = `{"tier":"premium","priority":"P2","opened":"2026-03-02T09:00:00Z","now":"2026-03-02T20:00:00Z",
 "events":[{"at":"2026-03-02T10:00:00Z","type":"message","by":"agent"},{"at":"2026-03-02T15:00:00Z","type":"status","status":"solved"}]}`

func TestPlaygroundRoutes(t *testing.T) {
	_, ts := testServer(t, Config{})
	tests := []struct {
		name, method, path, body string
		status                   int
		ctype, contains          string
	}{
		{"the page", "GET", "/", "", 200, "text/html", "tiercel playground"},
		{"its script", "GET", "/playground/app.js", "", 200, "javascript", "textContent"},
		{"its style", "GET", "/playground/style.css", "", 200, "text/css", "font"},
		{"an unknown file", "GET", "/playground/nope.js", "", 404, "", ""},
		{"a week grid", "POST", "/playground/weekgrid", weekReq, 200, "image/svg+xml", "Mon"},
		{"a week grid without scope", "POST", "/playground/weekgrid", `{"from":"standard","to":"enhanced"}`, 400, "application/json", "missing scope"},
		{"a week grid of an unknown tier", "POST", "/playground/weekgrid", strings.Replace(weekReq, "enhanced", "gold", 1), 422, "application/json", "gold"},
		{"a timeline", "POST", "/playground/timeline", timelineReq, 200, "image/svg+xml", "Premium Support"},
		{"a timeline of malformed JSON", "POST", "/playground/timeline", `{"tier":`, 400, "application/json", "JSON"},
		{"a valid catalog", "POST", "/playground/check", catalogWithin(4), 200, "application/json", `"ok":true`},
		{"the page takes no POST", "POST", "/", "", 404, "application/json", "no route"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, h, body := fetch(t, tt.method, ts.URL+tt.path, tt.body)
			require.Equal(t, tt.status, status, body)
			assert.Contains(t, h.Get("Content-Type"), tt.ctype)
			assert.Contains(t, body, tt.contains)
			if status == 200 {
				assert.Equal(t, PlaygroundCSP, h.Get("Content-Security-Policy"))
				assert.Equal(t, "nosniff", h.Get("X-Content-Type-Options"))
			}
			if strings.HasPrefix(h.Get("Content-Type"), "image/svg+xml") {
				wellFormedSVG(t, body)
			}
		})
	}
}

func TestPlaygroundCSPForbidsInlineScript(t *testing.T) {
	assert.Contains(t, PlaygroundCSP, "script-src 'self';")
	assert.NotContains(t, PlaygroundCSP, "unsafe-inline")
	assert.NotContains(t, PlaygroundCSP, "unsafe-eval")
	page, err := playgroundFiles.ReadFile("playground/index.html")
	require.NoError(t, err)
	assert.NotRegexp(t, `<script>|<script [^>]*>[^<]|\son[a-z]+=|style=`, string(page), "no inline script, handler or style")
	js, err := playgroundFiles.ReadFile("playground/app.js")
	require.NoError(t, err)
	assert.NotRegexp(t, `innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(`, string(js), "data goes in as text")
}

func TestPlaygroundCheckCatalog(t *testing.T) {
	_, ts := testServer(t, Config{})
	src := "version: 1\ntiers:\n  gold:\n    name: Gold\n    response: {P1: 1h 24x7, P2: 4 hours}\n  silver:\n    response: {P1: 2h sometimes}\n"
	status, _, body := fetch(t, "POST", ts.URL+"/playground/check", src)
	require.Equal(t, 200, status, body)
	var c CatalogCheck
	require.NoError(t, json.Unmarshal([]byte(body), &c))
	assert.False(t, c.OK)
	require.NotEmpty(t, c.Errors)
	for _, e := range c.Errors {
		assert.Positive(t, e.Line, "every error is positioned: %+v", e)
		assert.Positive(t, e.Column, "%+v", e)
		assert.True(t, strings.HasPrefix(e.Text, "catalog.yaml:"), e.Text)
	}
	assert.Equal(t, 5, c.Errors[0].Line, "the first error is gold's P2 on line 5: %+v", c.Errors[0])
}

func TestPlaygroundLimits(t *testing.T) {
	dir := t.TempDir()
	tokens := writeFile(t, dir, "tokens", "page-token\n")
	tests := []struct {
		name   string
		cfg    Config
		method string
		path   string
		body   string
		header []string
		status int
	}{
		{"off with NoPlayground", Config{NoPlayground: true}, "GET", "/", "", nil, 404},
		{"its routes off too", Config{NoPlayground: true}, "POST", "/playground/check", catalogWithin(1), nil, 404},
		{"a body over the limit", Config{MaxBody: 64}, "POST", "/playground/check", strings.Repeat("#", 65), nil, 413},
		{"a token needed", Config{TokenFile: tokens}, "GET", "/", "", nil, 401},
		{"a token given", Config{TokenFile: tokens}, "GET", "/", "", []string{"Authorization", "Bearer page-token"}, 200},
		{"a token needed for a picture", Config{TokenFile: tokens}, "POST", "/playground/timeline", timelineReq, nil, 401},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ts := testServer(t, tt.cfg)
			status, _, body := fetch(t, tt.method, ts.URL+tt.path, tt.body, tt.header...)
			assert.Equal(t, tt.status, status, body)
		})
	}
}
