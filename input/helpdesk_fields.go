package input

import (
	"strconv"
	"time"

	"github.com/tiercel/tiercel/internal/yamlpos"
)

// The readers of JSON values every helpdesk's documents share.

// intField reads an integer of at least min.
func intField(d *yamlpos.Decoder, f yamlpos.Field, min int64) (int64, bool) {
	s, ok := d.Scalar(f)
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || f.Value.Tag == "!!str" {
		got := s
		if f.Value.Tag == "!!str" {
			got = "the string " + strconv.Quote(s)
		}
		d.Fail(f.Value, f.Path, nil, "must be an integer, got %s", got)
		return 0, false
	}
	if n < min {
		d.Fail(f.Value, f.Path, nil, "must be at least %d, got %d", min, n)
		return 0, false
	}
	return n, true
}

// enumField reads a name of the table, whose names known lists.
func enumField[T any](d *yamlpos.Decoder, f yamlpos.Field, table map[string]T, known string) (T, bool) {
	s, ok := d.Str(f)
	v, found := table[s]
	if ok && !found {
		d.Fail(f.Value, f.Path, nil, "unknown value %q (known: %s)", s, known)
	}
	return v, ok && found
}

// dateField reads a date, YYYY-MM-DD.
func dateField(d *yamlpos.Decoder, f yamlpos.Field) (time.Time, bool) {
	s, ok := d.Str(f)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		d.Fail(f.Value, f.Path, nil, "must be a date YYYY-MM-DD, got %q", s)
		return time.Time{}, false
	}
	return t, true
}
