package main

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestImpactScalars(t *testing.T) {
	tests := []struct {
		name    string
		parse   func(string) (any, error)
		in      string
		want    any
		wantErr string
	}{
		{"instant", func(s string) (any, error) { return rfc3339Instant(s) }, "2026-03-02T10:00:00+01:00", time.Date(2026, 3, 2, 10, 0, 0, 0, time.FixedZone("", 3600)), ""},
		{"a date is not an instant", func(s string) (any, error) { return rfc3339Instant(s) }, "2026-03-02", nil, `invalid time "2026-03-02"`},
		{"zone", func(s string) (any, error) { return ianaZone(s) }, "Asia/Tokyo", "Asia/Tokyo", ""},
		{"unknown zone", func(s string) (any, error) { return ianaZone(s) }, "Asia/Nowhere", nil, `unknown time zone "Asia/Nowhere"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.parse(tt.in)
			if tt.wantErr != "" {
				assert.ErrorContains(t, err, tt.wantErr)
				return
			}
			assert.NoError(t, err)
			if w, ok := tt.want.(time.Time); ok {
				assert.True(t, w.Equal(got.(time.Time)))
				return
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
