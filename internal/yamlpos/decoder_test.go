package yamlpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

func TestDecoderReports(t *testing.T) {
	at := func(line int) *yaml.Node { return &yaml.Node{Line: line, Column: 2} }
	tests := []struct {
		name     string
		report   func(d *Decoder)
		want     []string
		failures int
		stopped  bool
	}{
		{"a repeated error is kept once and counted twice", func(d *Decoder) {
			d.Fail(at(1), "a", nil, "bad")
			d.Fail(at(1), "through.an.alias", nil, "bad")
		}, []string{"t.yaml:1:2: a: bad"}, 2, false},
		{"a fatal error stops the decoder", func(d *Decoder) {
			d.Fail(at(1), "a", nil, "bad")
			d.Stop(at(2), "b", "stop")
			d.Fail(at(3), "c", nil, "after")
			d.Stop(at(4), "d", "again")
		}, []string{"t.yaml:1:2: a: bad", "t.yaml:2:2: b: stop"}, 3, true},
		{"past MaxErrors errors are only counted", func(d *Decoder) {
			for i := range MaxErrors + 2 {
				d.Fail(at(i+1), "a", nil, "bad")
			}
		}, nil, MaxErrors + 2, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := NewDecoder("t.yaml", nil, errKind)
			tc.report(d)
			if tc.want != nil {
				require.Len(t, d.Errors(), len(tc.want))
				for i, w := range tc.want {
					assert.Equal(t, w, d.Errors()[i].Error())
					assert.ErrorIs(t, d.Errors()[i], errKind)
				}
			} else {
				require.Len(t, d.Errors(), MaxErrors+1)
				assert.Equal(t, 2, d.Errors().Dropped())
			}
			assert.Equal(t, tc.failures, d.Failures())
			assert.Equal(t, tc.stopped, d.Stopped())
		})
	}
}

// TestDecoderWithoutErrors: a document read without errors is not split
// into lines (only an error's context needs them), and its empty error
// list costs nothing; an error still finds its line.
func TestDecoderWithoutErrors(t *testing.T) {
	src := []byte("a: 1\nb:\n  c: 2\n")
	d := NewDecoder("t.yaml", src, errKind)
	root := d.Document()
	require.NotNil(t, root)
	require.NoError(t, d.Errors().Err())
	assert.Nil(t, d.lines, "no error, no lines")
	assert.Zero(t, testing.AllocsPerRun(10, func() { _ = d.Errors().Err() }))
	d.Fail(&yaml.Node{Line: 3, Column: 6}, "b.c", nil, "bad")
	require.EqualError(t, d.Errors().Err(), "t.yaml:3:6: b.c: bad")
	assert.Equal(t, 3, d.firstColumn(3), "the lines are split when an error's context needs them")
	assert.NotNil(t, d.lines)
}
