package input

import (
	"bytes"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// LoadHistoryEvents reads a JSON-lines file of histories with their events
// (see ParseHistoryEvents). Only regular files of at most 16 MiB are read.
// Errors wrap ErrInvalidHistory: every error found, or why the file could
// not be read.
func LoadHistoryEvents(path string, now *time.Time) ([]*History, error) {
	return load(path, ErrInvalidHistory, func(name string, src []byte) ([]*History, error) {
		return ParseHistoryEvents(name, src, now)
	})
}

// ParseHistoryEvents reads src, named name: histories with their events in
// JSON lines, one JSON object a line with a case file's keys (CaseFileKeys:
// the case's tier, priority and opened, required, its zone, language,
// account, country and attrs, now, and events, each an object with
// EventKeys), read and checked as ParseCaseFile reads a case file: keys
// match exactly, a key given twice is an error, instants are ParseTime's in
// the case's zone, and each event is checked against the case. now, when
// not nil, is the instant of the lines that give none; without it a line
// must give its own. Blank lines and a leading byte-order mark are skipped.
// Errors are an ErrorList wrapping ErrInvalidHistory, "name:line:col: path:
// message", the column counted in characters. Each History's errors from
// Timeline are positioned on its line.
func ParseHistoryEvents(name string, src []byte, now *time.Time) ([]*History, error) {
	d := yamlpos.NewDecoder(name, nil, ErrInvalidHistory)
	src = bytes.TrimPrefix(src, bom)
	var out []*History
	for n := 1; len(src) > 0 && !d.Stopped(); n++ {
		line := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			line, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		t := &jsonTree{jsonScan: jsonScan{b: line}, line: n, col: 1}
		root, ok := t.node(0)
		if ok && t.ws() != 0 {
			ok = t.fail("more than one value on the line")
		}
		if !ok {
			d.Add(yamlpos.Pos{File: name, Line: n, Column: t.jsonScan.at}.Errorf(nil, "%s", t.err))
			continue
		}
		whole := yamlpos.Field{KeyNode: d.Tree(root), Value: root}
		fields, ok := decodeQuestion(d, whole, CaseFileKeys, "tier", "priority", "opened")
		if !ok {
			continue
		}
		if h, ok := decodeHistory(d, whole, fields, now, true); ok {
			out = append(out, &h)
		}
	}
	if err := d.Errors().Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// At returns where the history is written, "file:line:col": a case file's
// mapping, or a JSON-lines history's line.
func (h *History) At() string { return h.at.Short() }
