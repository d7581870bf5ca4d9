package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"

	"github.com/tiercel/tiercel/rules"
)

// readCSV reads a history in CSV with a header.
func readCSV(file string, src []byte, errs *rowErrors) history {
	h := history{file: file}
	cr := csv.NewReader(bytes.NewReader(src))
	cr.FieldsPerRecord = -1 // checked below, with the line
	cr.ReuseRecord = true
	hd, ok := readCSVHeader(cr, errs)
	if !ok {
		return h
	}
	col := func(field string) int { // the column of a field of the row just read
		if i := hd.columns[field]; i > 0 {
			_, col := cr.FieldPos(i - 1)
			return col
		}
		return 0
	}
	h.cases = make([]rules.Case, 0, bytes.Count(src, []byte("\n")))
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
			errs.add(line, 1, "%s, the header has %d", plural(len(record), "field"), len(hd.names))
			continue
		}
		r := hd.row(record, col)
		h.add(&r, line, errs)
	}
	return h
}

// csvHeader is the columns the header of a CSV history names.
type csvHeader struct {
	names   []string       // each column's name, trimmed and lower case
	columns map[string]int // the column of each name, from 1
}

// readCSVHeader reads and checks the header of a CSV history; false when
// it has errors, which are added to errs.
func readCSVHeader(cr *csv.Reader, errs *rowErrors) (csvHeader, bool) {
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		errs.add(1, 1, "empty file: want a header such as opened,priority,zone,country")
		return csvHeader{}, false
	}
	if err != nil {
		csvError(err, errs)
		return csvHeader{}, false
	}
	hd := csvHeader{names: make([]string, len(header)), columns: map[string]int{}}
	for i, name := range header {
		name = strings.ToLower(strings.TrimSpace(name))
		_, col := cr.FieldPos(i)
		switch {
		case name == "":
			errs.add(1, col, "header: column %d has no name", i+1)
		case hd.columns[name] > 0:
			errs.add(1, col, "header: column %q twice", name)
		}
		hd.columns[name] = i + 1
		hd.names[i] = name
	}
	for _, need := range []string{"opened", "priority"} {
		if hd.columns[need] == 0 {
			errs.add(1, 1, "header: no %s column: want a header such as opened,priority,zone,country", need)
		}
	}
	return hd, len(errs.list) == 0
}

// row returns a record of the CSV history as a row: the named columns
// are its fields, the others its attributes; col gives the column of a
// field of the record.
func (hd csvHeader) row(record []string, col func(field string) int) row {
	r := row{col: col}
	for i, v := range record {
		v = strings.TrimSpace(v)
		switch hd.names[i] {
		case "opened":
			r.opened = v
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
			if v != "" {
				if r.attrs == nil {
					r.attrs = map[string]any{}
				}
				r.attrs[hd.names[i]] = attrValue(v)
			}
		}
	}
	return r
}

// csvError adds an error of encoding/csv with its position.
func csvError(err error, errs *rowErrors) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		errs.add(pe.Line, pe.Column, "%v", pe.Err)
		return
	}
	errs.add(1, 0, "%v", err)
}
