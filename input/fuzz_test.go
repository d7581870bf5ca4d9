package input

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// checkErrorShape fails unless err is nil or an ErrorList whose every
// entry but a last count reads "name:line:col: ..." within src's lines.
func checkErrorShape(t *testing.T, name string, src []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var list ErrorList
	if !errors.As(err, &list) {
		t.Fatalf("not an ErrorList: %v", err)
	}
	lines := strings.Count(string(src), "\n") + 1
	for _, e := range list {
		if strings.HasPrefix(e.Msg, "and ") && e.File == "" {
			continue
		}
		if e.File != name || e.Line < 1 || e.Line > lines {
			t.Fatalf("bad position %s:%d:%d in %q", e.File, e.Line, e.Column, e.Error())
		}
	}
	if len(list) > MaxErrors+1 {
		t.Fatalf("%d errors: the list is not capped", len(list))
	}
}

// Any line is read without a panic, and its errors are positioned in it.
func FuzzParseJSONL(f *testing.F) {
	f.Add([]byte(`{"opened": "2026-03-06T10:00:00Z", "priority": "P3", "attrs": {"a": 1, "b": [1]}}`))
	f.Add([]byte("{\"opened\": \"2026-03-06\", \"priority\": \"P1\", \"ZONE\": \"x\", \"zone\": \"Asia/Tokyo\", \"zone\": 1}\n[1,{\"a\":\"\\u00e9\"}]\n"))
	f.Add([]byte(`{"a": "\ud800", "b": -0.5e-3, "c": tru}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		h, err := ParseJSONL("h.jsonl", src)
		checkErrorShape(t, "h.jsonl", src, err)
		if err == nil && len(h.Cases) != len(h.Lines) {
			t.Fatalf("%d cases, %d lines", len(h.Cases), len(h.Lines))
		}
	})
}

// Any case file, YAML or JSON, is read without a panic, its errors
// positioned.
func FuzzParseCaseFile(f *testing.F) {
	f.Add([]byte("tier: std\npriority: P3\nopened: 2026-03-05\nzone: Europe/Berlin\nnow: 2026-03-06T12:00\nevents:\n  - {at: 2026-03-05T11:00, type: note, attrs: {a: [1, {b: c}]}}\n"))
	f.Add([]byte(`{"tier": "std", "priority": "P3", "opened": "2026-03-05T10:00:00Z", "now": "2026-03-06T00:00:00Z", "events": [{"at": "2026-03-05T11:00:00Z", "type": "message", "by": "agent"}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := ParseCaseFile("c.yaml", src)
		checkErrorShape(t, "c.yaml", src, err)
	})
}

// Whatever ParseTime accepts is an instant RFC 3339 can write, and a
// wall-clock time reads back as written unless a gap moved it forward.
func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2026-03-08T02:30", "2026-11-01T01:30:00", "2026-09-06", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-05:00"} {
		f.Add(s, "America/New_York")
	}
	f.Add("2026-10-04T02:15", "Australia/Lord_Howe")
	f.Fuzz(func(t *testing.T, s, zoneName string) {
		loc, err := time.LoadLocation(zoneName)
		if err != nil || zoneName == "Local" {
			loc = nil
		}
		got, err := ParseTime(s, loc)
		if err != nil {
			if !errors.Is(err, ErrInvalidTime) {
				t.Fatalf("%q: %v does not wrap ErrInvalidTime", s, err)
			}
			return
		}
		if y := got.UTC().Year(); y < 1 || y > 9999 {
			t.Fatalf("%q: %s is outside years 0001-9999", s, got)
		}
	})
}
