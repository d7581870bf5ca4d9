package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// jsonRow is one line of a JSON lines history.
type jsonRow struct {
	Opened   string         `json:"opened"`
	Priority string         `json:"priority"`
	Zone     string         `json:"zone"`
	Country  string         `json:"country"`
	Language string         `json:"language"`
	Account  string         `json:"account"`
	Attrs    map[string]any `json:"attrs"`
}

// readJSONL reads a history in JSON lines: one object a line; blank lines
// are skipped.
func readJSONL(file string, src []byte, errs *rowErrors) history {
	h := history{file: file}
	for n, line := range bytes.Split(src, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		var jr jsonRow
		d := json.NewDecoder(bytes.NewReader(line))
		d.DisallowUnknownFields()
		d.UseNumber()
		err := d.Decode(&jr)
		if err == nil && d.More() {
			err = errors.New("more than one value on the line")
		}
		if err != nil {
			errs.add(n+1, jsonColumn(line, err, d), "%s", strings.TrimPrefix(err.Error(), "json: "))
			continue
		}
		r := row{opened: jr.Opened, priority: jr.Priority, zone: jr.Zone, country: jr.Country,
			language: jr.Language, account: jr.Account, col: func(field string) int { return keyColumn(line, field) }}
		if len(jr.Attrs) > 0 {
			r.attrs = make(map[string]any, len(jr.Attrs))
			for _, k := range slices.Sorted(maps.Keys(jr.Attrs)) {
				av, err := jsonAttr(jr.Attrs[k])
				if err != nil {
					errs.add(n+1, keyColumn(line, k), "attrs.%s: %v", k, err)
					continue
				}
				r.attrs[k] = av
			}
		}
		h.add(&r, n+1, errs)
	}
	return h
}

// jsonColumn returns the column of a decoding error in line: the
// offending character of a syntax error, the key of a field of the wrong
// type or unknown, the start of a second value.
func jsonColumn(line []byte, err error, d *json.Decoder) int {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return int(se.Offset)
	case errors.As(err, &te):
		return keyColumn(line, te.Field)
	}
	if field, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		return keyColumn(line, strings.Trim(field, `"`))
	}
	off := d.InputOffset()
	rest := line[off:]
	return int(off) + len(rest) - len(bytes.TrimLeft(rest, " \t\r")) + 1
}

// keyColumn returns the column at which key is written in line, or 0.
func keyColumn(line []byte, key string) int {
	return bytes.Index(line, []byte(`"`+key+`"`)) + 1
}

// jsonAttr converts an attribute's JSON value to what CEL rules see: a
// boolean, a string, an int or a double.
func jsonAttr(v any) (any, error) {
	switch v := v.(type) {
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
	kind := "null"
	switch v.(type) {
	case map[string]any:
		kind = "an object"
	case []any:
		kind = "an array"
	}
	return nil, fmt.Errorf("want a string, number or boolean, got %s", kind)
}
