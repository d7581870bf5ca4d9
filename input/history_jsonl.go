package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// jsonKeys are the keys of a line of a JSON-lines history.
var jsonKeys = []string{"opened", "priority", "zone", "country", "language", "account", "attrs"}

// ParseJSONL reads a history in JSON lines, src, named name: one object a
// line with the fields of a CSV history's columns (see ParseCSV), each a
// string, and "attrs": {"key": value} with string, number or boolean
// values (an integer is an int64, another number a float64). Blank lines
// are skipped; a leading byte-order mark too. Keys match exactly (ZONE is
// not zone) and a key given twice is an error, as is a value of the wrong
// type, named by its key. The file is read token by token, once. Errors are
// an ErrorList wrapping ErrInvalidHistory, "name:line:col: key: message",
// the column counted in bytes.
func ParseJSONL(name string, src []byte) (*Cases, error) {
	errs := newRowErrors(name, ErrInvalidHistory)
	src = bytes.TrimPrefix(src, bom)
	h := &Cases{File: name}
	for n := 1; len(src) > 0; n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		jl := newJSONLine(line, n, errs)
		if r, ok := jl.row(); ok {
			h.add(&r, n, errs)
		}
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return h, nil
}

// jsonLine reads one line of a JSON-lines history token by token.
type jsonLine struct {
	line []byte
	n    int // its number, from 1
	d    *json.Decoder
	errs rowErrors
}

func newJSONLine(line []byte, n int, errs rowErrors) *jsonLine {
	d := json.NewDecoder(bytes.NewReader(line))
	d.UseNumber()
	return &jsonLine{line: line, n: n, d: d, errs: errs}
}

// column returns the column of the next token, from 1.
func (l *jsonLine) column() int {
	off := int(l.d.InputOffset())
	for off < len(l.line) && strings.IndexByte(" \t\r,:", l.line[off]) >= 0 {
		off++
	}
	return off + 1
}

// next returns the next token and its column, or reports a syntax error.
func (l *jsonLine) next() (json.Token, int, bool) {
	col := l.column()
	tok, err := l.d.Token()
	if err == nil {
		return tok, col, true
	}
	var se *json.SyntaxError
	switch {
	case errors.As(err, &se):
		// In Token mode, Offset may stop at the previous token's end.
		l.errs.addErr(l.n, max(int(se.Offset), col), "", err, "%s", strings.TrimPrefix(err.Error(), "json: "))
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		l.errs.add(l.n, len(l.line)+1, "", "unexpected end of the line: want one JSON object a line")
	default:
		l.errs.addErr(l.n, col, "", err, "%v", err)
	}
	return nil, col, false
}

// row reads the line's object.
func (l *jsonLine) row() (row, bool) {
	cols := map[string]int{}
	r := row{col: func(field string) int { return cols[field] }}
	tok, col, ok := l.next()
	if !ok {
		return r, false
	}
	if tok != json.Delim('{') {
		l.errs.add(l.n, col, "", "want an object such as {\"opened\": \"2026-03-02T10:00:00Z\", \"priority\": \"P3\"}, got %s", l.skip(tok))
		return r, false
	}
	good := true
	for l.d.More() {
		kt, kcol, ok := l.next()
		if !ok {
			return r, false
		}
		key, _ := kt.(string)
		if _, dup := cols[key]; dup {
			l.errs.add(l.n, kcol, yamlpos.Join("", key), "duplicate key %q", key)
			good = false
			if !l.skipValue() {
				return r, false
			}
			continue
		}
		cols[key] = kcol
		fieldGood, ok := l.field(&r, key, kcol)
		if !ok {
			return r, false
		}
		good = good && fieldGood
	}
	if _, _, ok := l.next(); !ok { // the closing brace
		return r, false
	}
	if l.d.More() {
		l.errs.add(l.n, l.column(), "", "more than one value on the line")
		return r, false
	}
	return r, good
}

// field reads the value of key into r: good is false when the value is
// wrong, ok when the line can be read on.
func (l *jsonLine) field(r *row, key string, kcol int) (good, ok bool) {
	switch key {
	case "attrs":
		return l.attrs(r)
	case "opened", "priority", "zone", "country", "language", "account":
		tok, col, ok := l.next()
		if !ok {
			return false, false
		}
		s, isStr := tok.(string)
		if !isStr {
			l.errs.add(l.n, col, key, "want a string, got %s", l.skip(tok))
			return false, true
		}
		r.set(key, s)
		return true, true
	}
	l.errs.add(l.n, kcol, yamlpos.Join("", key), "unknown key %q (want one of %s)", key, strings.Join(jsonKeys, ", "))
	return false, l.skipValue()
}

// attrs reads the attributes object; null sets none.
func (l *jsonLine) attrs(r *row) (good, ok bool) {
	tok, col, ok := l.next()
	if !ok {
		return false, false
	}
	if tok == nil {
		return true, true
	}
	if tok != json.Delim('{') {
		l.errs.add(l.n, col, "attrs", "want an object of attributes, got %s", l.skip(tok))
		return false, true
	}
	r.attrs = map[string]any{}
	good = true
	for l.d.More() {
		kt, kcol, ok := l.next()
		if !ok {
			return false, false
		}
		key, _ := kt.(string)
		path := yamlpos.Join("attrs", key)
		vt, vcol, ok := l.next()
		if !ok {
			return false, false
		}
		if _, dup := r.attrs[key]; dup {
			l.errs.add(l.n, kcol, path, "duplicate key %q", key)
			good = false
			l.skip(vt)
			continue
		}
		v, err := jsonAttr(vt)
		if err != nil {
			l.errs.add(l.n, vcol, path, "%v, got %s", err, l.skip(vt))
			good = false
			r.attrs[key] = nil
			continue
		}
		r.attrs[key] = v
	}
	_, _, ok = l.next() // the closing brace
	return good, ok
}

// jsonAttr converts an attribute's JSON value to what CEL rules see: a
// boolean, a string, an int64 or a float64.
func jsonAttr(tok json.Token) (any, error) {
	switch v := tok.(type) {
	case bool, string:
		return v, nil
	case json.Number:
		if n, err := v.Int64(); err == nil {
			return n, nil
		}
		if f, err := v.Float64(); err == nil {
			return f, nil
		}
		return nil, fmt.Errorf("number %s is out of range", v)
	}
	return nil, errors.New("want a string, number or boolean")
}

// skipValue reads and drops the next value; false after a syntax error.
func (l *jsonLine) skipValue() bool {
	tok, _, ok := l.next()
	if ok {
		l.skip(tok)
	}
	return ok
}

// skip drops the rest of the value that starts with tok and names its
// kind: "an object", "an array", "a string", "a number", "a boolean" or
// "null".
func (l *jsonLine) skip(tok json.Token) string {
	switch tok := tok.(type) {
	case json.Delim:
		kind := "an object"
		if tok == '[' {
			kind = "an array"
		}
		for depth := 1; depth > 0; {
			t, err := l.d.Token()
			if err != nil {
				break
			}
			if d, isDelim := t.(json.Delim); isDelim {
				if d == '{' || d == '[' {
					depth++
				} else {
					depth--
				}
			}
		}
		return kind
	case string:
		return "a string"
	case json.Number:
		return "a number " + tok.String()
	case bool:
		return "a boolean"
	}
	return "null"
}
