package ics

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"time"
)

// FuzzICS reads any bytes: Read never panics, fails only with an *Error
// wrapping ErrInvalid or ErrTooLarge, and what it reads, written again, reads
// back to the same days.
func FuzzICS(f *testing.F) {
	if src, err := os.ReadFile("testdata/us-holidays.ics"); err == nil {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		days, err := Read("f.ics", src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !(errors.Is(err, ErrInvalid) || errors.Is(err, ErrTooLarge)) {
				t.Fatalf("unexpected error shape: %v", err)
			}
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, Calendar{ID: "f", Stamp: time.Unix(0, 0), Days: days}); err != nil {
			if len(days) > MaxEvents && errors.Is(err, ErrTooLarge) {
				return // more days than a file may hold: refused, not written
			}
			t.Fatal(err)
		}
		back, err := Read("back.ics", buf.Bytes())
		if err != nil {
			t.Fatalf("reading back: %v", err)
		}
		if len(back) != len(days) {
			t.Fatalf("read back %d days, wrote %d", len(back), len(days))
		}
		for i := range back {
			if back[i].Date != days[i].Date {
				t.Fatalf("day %d: %v, wrote %v", i, back[i].Date, days[i].Date)
			}
		}
	})
}
