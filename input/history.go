package input

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// Cases is the cases of a CSV or JSON-lines history and the line each is
// written on. It is not changed once read.
type Cases struct {
	File  string       // the file's name, as given
	Cases []rules.Case // the cases, in the order written
	Lines []int        // the line each case is written on, from 1
}

// LoadHistory reads the history at path, in format "csv" or "jsonl", or,
// when format is "", the one its extension (.csv, .jsonl) names. A leading
// byte-order mark is skipped. Only regular files of at most 16 MiB are
// read. Errors wrap ErrInvalidHistory: every error found (ParseCSV,
// ParseJSONL), or why the file could not be read.
func LoadHistory(path, format string) (*Cases, error) {
	if format == "" {
		format = HistoryFormat(path)
	}
	parse := ParseJSONL
	switch format {
	case "csv":
		parse = ParseCSV
	case "jsonl":
	default:
		return nil, fmt.Errorf("%w: %s: unknown format %q: want csv or jsonl", ErrInvalidHistory, path, format)
	}
	return load(path, ErrInvalidHistory, parse)
}

// HistoryFormat returns the format a history's extension names, "csv" or
// "jsonl", or "" for another extension.
func HistoryFormat(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv"
	case ".jsonl":
		return "jsonl"
	}
	return ""
}

// row is one case as a file writes it, before it is checked.
type row struct {
	opened, priority, zone, country, language, account string
	hasOpened                                          bool
	attrs                                              map[string]any
	col                                                func(field string) int // the column of a field, 0 when unknown
}

// set sets the field named key to v and reports whether key names one.
func (r *row) set(key, v string) bool {
	switch key {
	case "opened":
		r.opened, r.hasOpened = v, true
	case "priority":
		r.priority = v
	case "zone":
		r.zone = v
	case "country":
		r.country = v
	case "language":
		r.language = v
	case "account":
		r.account = v
	default:
		return false
	}
	return true
}

// kase checks the row and returns its case, or adds its errors to errs.
// opened is read by ParseTime in the row's zone.
func (r *row) kase(line int, errs rowErrors) (rules.Case, bool) {
	c := rules.Case{Zone: r.zone, Country: r.country, Language: r.language, Account: r.account, Attrs: r.attrs}
	ok := true
	bad := func(field string, cause error, format string, args ...any) {
		errs.addErr(line, r.col(field), field, cause, format, args...)
		ok = false
	}
	var loc *time.Location
	if r.zone != "" {
		var err error
		if loc, err = slo.LoadZone(r.zone); err != nil {
			bad("zone", err, "unknown time zone %q: want an IANA name such as America/New_York", r.zone)
		}
	}
	var err error
	switch {
	case !r.hasOpened || r.opened == "":
		bad("opened", nil, "missing: want an RFC 3339 instant such as 2026-03-02T10:00:00Z")
	case ok:
		if c.Opened, err = ParseTime(r.opened, loc); err != nil {
			bad("opened", err, "%v", err)
		}
	}
	if c.Priority, err = slo.ParsePriority(r.priority); err != nil {
		bad("priority", err, "%v", err)
	}
	return c, ok
}

// add checks r and appends its case to h, or adds its errors to errs.
func (h *Cases) add(r *row, line int, errs rowErrors) {
	if c, ok := r.kase(line, errs); ok {
		h.Cases = append(h.Cases, c)
		h.Lines = append(h.Lines, line)
	}
}
