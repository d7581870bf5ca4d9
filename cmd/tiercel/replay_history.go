package main

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/tiercel/tiercel/internal/readfile"
	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/slo"
)

// maxRowErrors caps the errors replay prints for a history.
const maxRowErrors = 10

// history is the cases of a file and the line each starts on.
type history struct {
	file  string
	cases []rules.Case
	lines []int
}

// rowErrors collects positioned errors, up to maxRowErrors.
type rowErrors struct {
	file string
	list []string
	more int // errors past the cap
}

func (r *rowErrors) add(line, col int, format string, args ...any) {
	if len(r.list) == maxRowErrors {
		r.more++
		return
	}
	pos := fmt.Sprintf("%s:%d", r.file, line)
	if col > 0 {
		pos += fmt.Sprintf(":%d", col)
	}
	r.list = append(r.list, pos+": "+fmt.Sprintf(format, args...))
}

// print writes the errors to w and reports whether there were any.
func (r *rowErrors) print(w io.Writer) bool {
	for _, e := range r.list {
		fmt.Fprintln(w, e)
	}
	if r.more > 0 {
		fmt.Fprintf(w, "%s: %s not shown\n", r.file, plural(r.more, "more error"))
	}
	return len(r.list) > 0
}

// row is one case as a file writes it, before it is checked.
type row struct {
	opened, priority, zone, country, language, account string
	attrs                                              map[string]any
	col                                                func(field string) int // the column of a field, 0 when unknown
}

// kase checks the row and returns its case, or adds its errors to errs.
func (r *row) kase(line int, errs *rowErrors) (rules.Case, bool) {
	c := rules.Case{Zone: r.zone, Country: r.country, Language: r.language, Account: r.account, Attrs: r.attrs}
	ok := true
	bad := func(field, format string, args ...any) {
		errs.add(line, r.col(field), field+": "+format, args...)
		ok = false
	}
	var err error
	switch {
	case r.opened == "":
		bad("opened", "missing: want an RFC 3339 instant such as 2026-03-02T10:00:00Z")
	default:
		if c.Opened, err = time.Parse(time.RFC3339Nano, r.opened); err != nil {
			bad("opened", "invalid time %q: want RFC 3339 such as 2026-03-02T10:00:00Z", r.opened)
		} else if err := printable("opened", c.Opened); err != nil {
			bad("opened", "%v", err)
		}
	}
	if c.Priority, err = slo.ParsePriority(r.priority); err != nil {
		bad("priority", "%v", err)
	}
	if r.zone != "" {
		if _, err := slo.LoadZone(r.zone); err != nil {
			bad("zone", "unknown time zone %q: want an IANA name such as America/New_York", r.zone)
		}
	}
	return c, ok
}

// add checks r and appends its case to h, or adds its errors to errs.
func (h *history) add(r *row, line int, errs *rowErrors) {
	if c, ok := r.kase(line, errs); ok {
		h.cases = append(h.cases, c)
		h.lines = append(h.lines, line)
	}
}

// readHistory reads and checks the history at path; errors are printed
// and errInputFailed returned.
func (c *cli) readHistory(path, format string) (history, error) {
	src, err := readfile.Read(path)
	if err != nil {
		fmt.Fprintf(c.stderr, "tiercel %s: %v\n", c.name, err)
		return history{}, errInputFailed
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff")) // the byte order mark spreadsheets write
	errs := rowErrors{file: path}
	var h history
	if format == "csv" {
		h = readCSV(path, src, &errs)
	} else {
		h = readJSONL(path, src, &errs)
	}
	if errs.print(c.stderr) {
		return history{}, errInputFailed
	}
	return h, nil
}
