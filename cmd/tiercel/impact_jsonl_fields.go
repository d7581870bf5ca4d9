package main

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// str reads a string value at path; ok is false on a syntax error (and
// good false when the value is not a string).
func (l *historyLine) str(path string) (s string, good, ok bool) {
	at := l.next()
	tok, err := l.js.Token()
	if err != nil {
		return "", false, l.syntax(err)
	}
	s, good = tok.(string)
	if !good {
		l.fail(at, path, "want a string, got %s", jsonKind(tok))
		return "", false, l.skipRest(tok)
	}
	return s, true, true
}

// scalar reads a string at path and converts it with parse; an error of
// parse is reported at the value.
func scalar[T any](l *historyLine, path string, parse func(string) (T, error)) (T, bool) {
	var v T
	at := l.next()
	s, good, ok := l.str(path)
	if !ok || !good {
		return v, ok
	}
	v, err := parse(s)
	if err != nil {
		l.fail(at, path, "%v", err)
	}
	return v, true
}

// rfc3339Instant parses an RFC 3339 instant within years 0001-9999.
func rfc3339Instant(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return t, fmt.Errorf("invalid time %q: want RFC 3339 such as 2026-03-02T10:00:00Z", s)
	}
	return t, printable("instant", t)
}

// ianaZone checks an IANA zone name.
func ianaZone(s string) (string, error) {
	if _, err := slo.LoadZone(s); err != nil {
		return s, fmt.Errorf("unknown time zone %q: want an IANA name such as America/New_York", s)
	}
	return s, nil
}

func text(s string) (string, error) { return s, nil }

// caseField reads the value of one key of a line into h.
func (l *historyLine) caseField(h *rules.History, key string, col int) bool {
	c := &h.Case
	ok := true
	switch key {
	case "tier":
		c.Tier, ok = scalar(l, key, text)
	case "priority":
		c.Priority, ok = scalar(l, key, slo.ParsePriority)
	case "opened":
		c.Opened, ok = scalar(l, key, rfc3339Instant)
	case "now":
		h.Now, ok = scalar(l, key, rfc3339Instant)
	case "zone":
		c.Zone, ok = scalar(l, key, ianaZone)
	case "country":
		c.Country, ok = scalar(l, key, text)
	case "language":
		c.Language, ok = scalar(l, key, text)
	case "account":
		c.Account, ok = scalar(l, key, text)
	case "attrs":
		c.Attrs, ok = l.attrs(key)
	case "events":
		h.Events, ok = l.events(key)
	}
	return ok
}

// events reads the list of events at path.
func (l *historyLine) events(path string) ([]rules.Event, bool) {
	at := l.next()
	tok, err := l.js.Token()
	if err != nil {
		return nil, l.syntax(err)
	}
	if tok != json.Delim('[') {
		l.fail(at, path, "want a list of events, got %s", jsonKind(tok))
		return nil, l.skipRest(tok)
	}
	var out []rules.Event
	for i := 0; l.js.More(); i++ {
		p := yamlpos.Index(path, i)
		at := l.next()
		var ev rules.Event
		seen := map[string]bool{}
		if !l.object(p, historyEventKeys, func(key string, _ int) bool {
			seen[key] = true
			return l.eventField(&ev, p, key)
		}) {
			return nil, false
		}
		for _, k := range []string{"at", "type"} {
			if !seen[k] {
				l.fail(at, p, "missing key %q", k)
			}
		}
		out = append(out, ev)
	}
	if _, err := l.js.Token(); err != nil {
		return nil, l.syntax(err)
	}
	return out, true
}

// eventField reads the value of one key of an event into ev.
func (l *historyLine) eventField(ev *rules.Event, path, key string) bool {
	p := yamlpos.Join(path, key)
	ok := true
	switch key {
	case "at":
		ev.At, ok = scalar(l, p, rfc3339Instant)
	case "type":
		ev.Type, ok = scalar(l, p, text)
	case "status":
		ev.Status, ok = scalar(l, p, text)
	case "by":
		ev.By, ok = scalar(l, p, text)
	case "priority":
		ev.Priority, ok = scalar(l, p, slo.ParsePriority)
	case "tier":
		ev.Tier, ok = scalar(l, p, text)
	case "attrs":
		ev.Attrs, ok = l.attrs(p)
	}
	return ok
}

// attrs reads an object of attributes at path: strings, numbers (an
// integer is an int64, another number a float64) and booleans.
func (l *historyLine) attrs(path string) (map[string]any, bool) {
	out := map[string]any{}
	ok := l.object(path, nil, func(key string, _ int) bool {
		p := yamlpos.Join(path, key)
		at := l.next()
		var v any
		if err := l.js.Decode(&v); err != nil {
			return l.syntax(err)
		}
		a, err := jsonAttr(v)
		if err != nil {
			l.fail(at, p, "%v", err)
			return true
		}
		out[key] = a
		return true
	})
	return out, ok
}
