package input

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/tiercel/tiercel/rules"
)

// ParseCSV reads a history in CSV, src, named name. A header names the
// columns: opened (an instant, see ParseTime, in the row's zone) and
// priority (P1..P4) are required; zone (the account's IANA zone), country
// (its holiday country), language and account are read when present; any
// other column is an attribute rules see as case.attrs (see AttrValue; an
// empty cell sets nothing). Header names are trimmed and lower-cased. A
// leading byte-order mark is skipped. Errors are an ErrorList wrapping
// ErrInvalidHistory, "name:line:col: column: message".
func ParseCSV(name string, src []byte) (*Cases, error) {
	errs := newRowErrors(name, ErrInvalidHistory)
	src = bytes.TrimPrefix(src, bom)
	h := &Cases{File: name}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1 // checked below, with the line
	cr.ReuseRecord = true
	hd, ok := readCSVHeader(cr, errs)
	if !ok {
		return nil, errs.err()
	}
	col := func(field string) int { // the column of a field of the row just read
		if i := hd.columns[field]; i > 0 {
			_, col := cr.FieldPos(i - 1)
			return col
		}
		return 0
	}
	h.Cases = make([]rules.Case, 0, bytes.Count(src, []byte("\n")))
	for {
		record, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			csvError(err, errs)
			continue
		}
		line, _ := cr.FieldPos(0)
		if len(record) != len(hd.names) {
			errs.add(line, 1, "", "%s, the header has %d", plural(len(record), "field"), len(hd.names))
			continue
		}
		r := hd.row(record, col)
		h.add(&r, line, errs)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return h, nil
}

// csvHeader is the columns the header of a CSV history names.
type csvHeader struct {
	names   []string       // each column's name, trimmed and lower case
	columns map[string]int // the column of each name, from 1
}

// readCSVHeader reads and checks the header of a CSV history; false when
// it has errors, which are added to errs.
func readCSVHeader(cr *csv.Reader, errs rowErrors) (csvHeader, bool) {
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		errs.add(1, 1, "", "empty file: want a header such as opened,priority,zone,country")
		return csvHeader{}, false
	}
	if err != nil {
		csvError(err, errs)
		return csvHeader{}, false
	}
	ok := true
	hd := csvHeader{names: make([]string, len(header)), columns: map[string]int{}}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(name))
		_, col := cr.FieldPos(i)
		switch {
		case name == "":
			errs.add(1, col, "header", "column %d has no name", i+1)
			ok = false
		case hd.columns[name] > 0:
			errs.add(1, col, "header", "column %q twice", name)
			ok = false
		}
		hd.columns[name] = i + 1
		hd.names[i] = name
	}
	for _, need := range []string{"opened", "priority"} {
		if hd.columns[need] == 0 {
			errs.add(1, 1, "header", "no %s column: want a header such as opened,priority,zone,country", need)
			ok = false
		}
	}
	return hd, ok
}

// row returns a record of the CSV history as a row: the named columns
// are its fields, the others its attributes; col gives the column of a
// field of the record.
func (hd csvHeader) row(record []string, col func(field string) int) row {
	r := row{col: col}
	for i, v := range record {
		v = strings.TrimSpace(v)
		if !r.set(hd.names[i], v) {
			if v != "" {
				if r.attrs == nil {
					r.attrs = map[string]any{}
				}
				r.attrs[hd.names[i]] = AttrValue(v)
			}
		}
	}
	return r
}

// plural writes "1 field", "2 fields".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}
