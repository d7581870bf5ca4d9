package main

// The reader of histories with their events in JSON lines. It depends on
// rules, slo and yamlpos only, so that it can move to the public package
// of readers (input) as it is.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
)

// errInvalidEventHistory is wrapped by the errors of a JSON-lines file of
// histories with their events.
var errInvalidEventHistory = errors.New("invalid history file")

// The keys of a line and of one of its events, exactly as written.
var (
	historyLineKeys  = []string{"tier", "priority", "opened", "zone", "country", "language", "account", "attrs", "now", "events"}
	historyEventKeys = []string{"at", "type", "status", "by", "priority", "tier", "attrs"}
)

// eventHistory is one line of the file: a history and where it is written.
type eventHistory struct {
	rules.History
	Line int
}

// parseEventHistories reads src, a JSON-lines file named name: one history
// a line, an object with the case's keys (tier, priority, opened, zone,
// country, language, account, attrs), now (the instant its clocks are read
// at; else defaultNow) and events, a list of objects with the keys at,
// type, status, by, priority, tier and attrs. Instants are RFC 3339;
// attrs hold strings, numbers and booleans. Keys match exactly and a key
// given twice is an error; blank lines are skipped. Errors are a capped
// list of "name:line:col: path: message", wrapping errInvalidEventHistory.
func parseEventHistories(name string, src []byte, defaultNow time.Time) ([]eventHistory, error) {
	d := yamlpos.NewDecoder(name, nil, errInvalidEventHistory)
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	var out []eventHistory
	for n, line := range bytes.Split(src, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		l := &historyLine{d: d, line: line, n: n + 1}
		h, ok := l.read(defaultNow)
		if ok {
			out = append(out, eventHistory{History: h, Line: n + 1})
		}
		if d.Stopped() {
			break
		}
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// historyLine reads one line.
type historyLine struct {
	d    *yamlpos.Decoder
	line []byte
	n    int
	js   *json.Decoder
	ok   bool
}

// fail reports an error at byte offset off (from 0) of the line.
func (l *historyLine) fail(off int, path, format string, args ...any) {
	l.d.Add(yamlpos.Pos{File: l.d.File(), Line: l.n, Column: off + 1, Path: path}.Errorf(nil, format, args...))
	l.ok = false
}

// next returns the offset of the next token: past blanks, commas and colons.
func (l *historyLine) next() int {
	off := int(l.js.InputOffset())
	for off < len(l.line) && strings.IndexByte(" \t\r,:", l.line[off]) >= 0 {
		off++
	}
	return off
}

// syntax reports a JSON syntax error and returns false.
func (l *historyLine) syntax(err error) bool {
	off := l.next()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = int(se.Offset)
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		msg = "unexpected end of the line: a history is one JSON object on one line"
	}
	l.fail(max(off, 0), "", "%s", msg)
	return false
}

// read reads the line's history.
func (l *historyLine) read(defaultNow time.Time) (rules.History, bool) {
	l.js = json.NewDecoder(bytes.NewReader(l.line))
	l.js.UseNumber()
	l.ok = true
	var h rules.History
	cols := map[string]int{}
	good := l.object("", historyLineKeys, func(key string, col int) bool {
		cols[key] = col
		return l.caseField(&h, key, col)
	})
	if !good {
		return h, false
	}
	if off := l.next(); off < len(l.line) {
		l.fail(off, "", "more than one value on the line")
		return h, false
	}
	for _, k := range []string{"tier", "priority", "opened"} {
		if _, ok := cols[k]; !ok {
			l.fail(0, "", "missing key %q", k)
		}
	}
	if h.Now.IsZero() {
		h.Now = defaultNow
	}
	if h.Now.IsZero() && l.ok {
		l.fail(0, "", "missing key \"now\": give the instant the clocks are read at on the line, or --now")
	}
	return h, l.ok
}

// object reads an object at path whose keys must be among known (nil: any
// key), calling member for each key at its offset to read its value; it
// returns false on a syntax error, after which the line is not read on.
func (l *historyLine) object(path string, known []string, member func(key string, col int) bool) bool {
	at := l.next()
	tok, err := l.js.Token()
	if err != nil {
		return l.syntax(err)
	}
	if tok != json.Delim('{') {
		l.fail(at, path, "want an object, got %s", jsonKind(tok))
		return l.skipRest(tok)
	}
	seen := map[string]bool{}
	for l.js.More() {
		col := l.next()
		tok, err := l.js.Token()
		if err != nil {
			return l.syntax(err)
		}
		key, _ := tok.(string)
		kpath := yamlpos.Join(path, key)
		bad := false
		switch {
		case seen[key]:
			l.fail(col, kpath, "duplicate key %q", key)
			bad = true
		case known != nil && !slices.Contains(known, key):
			l.fail(col, kpath, "unknown key %q (want one of %s)", key, strings.Join(known, ", "))
			bad = true
		}
		seen[key] = true
		if bad {
			var skip json.RawMessage
			if err := l.js.Decode(&skip); err != nil {
				return l.syntax(err)
			}
			continue
		}
		if !member(key, col) {
			return false
		}
	}
	if _, err := l.js.Token(); err != nil {
		return l.syntax(err)
	}
	return true
}

// skipRest skips the rest of a value whose first token was tok.
func (l *historyLine) skipRest(tok json.Token) bool {
	if d, ok := tok.(json.Delim); ok && (d == '{' || d == '[') {
		for depth := 1; depth > 0; {
			t, err := l.js.Token()
			if err != nil {
				return l.syntax(err)
			}
			if d, ok := t.(json.Delim); ok {
				depth += map[json.Delim]int{'{': 1, '[': 1, '}': -1, ']': -1}[d]
			}
		}
	}
	return true
}

// jsonKind names the kind of a JSON token.
func jsonKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		return map[json.Delim]string{'{': "an object", '[': "an array"}[t]
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return "null"
}
