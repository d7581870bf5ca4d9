package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExprOffset(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		want      int
	}{
		{"first line", "ab\ncd", 1, 1, 1},
		{"second line", "ab\ncdef", 2, 3, 6},
		{"multi-byte characters count once", "éé\nx", 2, 0, 3},
		{"past the last line", "ab", 3, 0, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, exprOffset(tc.src, tc.line, tc.col))
		})
	}
	t.Run("allocates nothing", func(t *testing.T) {
		src := strings.Repeat("é == x ||\n", 100) + "y"
		assert.Zero(t, testing.AllocsPerRun(10, func() { exprOffset(src, 101, 0) }))
	})
}
