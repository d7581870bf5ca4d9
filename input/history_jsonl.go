package input

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
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

// jsonLine reads one line of a JSON-lines history.
type jsonLine struct {
	jsonScan
	n    int // its number, from 1
	errs rowErrors
}

func newJSONLine(line []byte, n int, errs rowErrors) *jsonLine {
	return &jsonLine{jsonScan: jsonScan{b: line}, n: n, errs: errs}
}

// syntax reports the line's syntax error and returns false.
func (l *jsonLine) syntax() bool {
	l.errs.add(l.n, l.at, "", "%s", l.err)
	return false
}

// row reads the line's object.
func (l *jsonLine) row() (row, bool) {
	cols := map[string]int{}
	r := row{col: func(field string) int { return cols[field] }}
	if c := l.ws(); c != '{' {
		col := l.i + 1
		v, ok := l.value()
		if !ok {
			return r, l.syntax()
		}
		l.errs.add(l.n, col, "", "want an object such as {\"opened\": \"2026-03-02T10:00:00Z\", \"priority\": \"P3\"}, got %s", v.kindName())
		return r, false
	}
	l.i++
	good, ok := l.members(func(key string, kcol int) bool {
		if _, dup := cols[key]; dup {
			l.errs.add(l.n, kcol, yamlpos.Join("", key), "duplicate key %q", key)
			l.value() // a syntax error in it stops members
			return false
		}
		cols[key] = kcol
		return l.field(&r, key, kcol)
	})
	if !ok {
		return r, l.syntax()
	}
	if l.ws() != 0 {
		l.errs.add(l.n, l.i+1, "", "more than one value on the line")
		return r, false
	}
	return r, good
}

// members reads the members of an object whose brace was read, calling
// member for each key (at its column) to read its value: good is false
// when a member was wrong, ok when the syntax was right.
func (l *jsonLine) members(member func(key string, kcol int) bool) (good, ok bool) {
	good = true
	if l.ws() == '}' {
		l.i++
		return good, true
	}
	for {
		l.ws()
		kcol := l.i + 1
		key, ok := l.str("looking for beginning of object key string")
		if !ok || !l.expect(':', "after object key") {
			return false, false
		}
		good = member(key, kcol) && good
		if l.err != "" {
			return false, false
		}
		if l.ws() == '}' {
			l.i++
			return good, true
		}
		if !l.expect(',', "after object key:value pair") {
			return false, false
		}
	}
}

// field reads the value of key into r; false when it is wrong or the line
// has a syntax error.
func (l *jsonLine) field(r *row, key string, kcol int) bool {
	if key == "attrs" {
		return l.attrs(r)
	}
	l.ws()
	col := l.i + 1
	v, ok := l.value()
	if !ok {
		return false
	}
	if !slices.Contains(jsonKeys, key) {
		l.errs.add(l.n, kcol, yamlpos.Join("", key), "unknown key %q (want one of %s)", key, strings.Join(jsonKeys, ", "))
		return false
	}
	if v.kind != '"' {
		l.errs.add(l.n, col, key, "want a string, got %s", v.kindName())
		return false
	}
	r.set(key, v.text)
	return true
}

// attrs reads the attributes object; null sets none.
func (l *jsonLine) attrs(r *row) bool {
	c := l.ws()
	at := l.i + 1
	if c != '{' {
		v, ok := l.value()
		if !ok || v.kind == 'n' {
			return ok
		}
		l.errs.add(l.n, at, "attrs", "want an object of attributes, got %s", v.kindName())
		return false
	}
	l.i++
	r.attrs = map[string]any{}
	good, ok := l.members(func(key string, kcol int) bool {
		path := yamlpos.Join("attrs", key)
		l.ws()
		vcol := l.i + 1
		v, ok := l.value()
		if !ok {
			return false
		}
		if _, dup := r.attrs[key]; dup {
			l.errs.add(l.n, kcol, path, "duplicate key %q", key)
			return false
		}
		a, err := jsonAttr(v)
		r.attrs[key] = a
		if err != nil {
			l.errs.add(l.n, vcol, path, "%v", err)
			return false
		}
		return true
	})
	return good && ok
}

// jsonAttr converts an attribute's JSON value to what CEL rules see: a
// boolean, a string, an int64 or a float64.
func jsonAttr(v jsonValue) (any, error) {
	switch v.kind {
	case 't', 'f':
		return v.kind == 't', nil
	case '"':
		return v.text, nil
	case '0':
		n := json.Number(v.text)
		if i, err := n.Int64(); err == nil {
			return i, nil
		}
		if f, err := n.Float64(); err == nil {
			return f, nil
		}
		return nil, fmt.Errorf("number %s is out of range", v.text)
	}
	return nil, fmt.Errorf("want a string, number or boolean, got %s", v.kindName())
}
