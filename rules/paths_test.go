package rules

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUniquePaths(t *testing.T) {
	abs, err := filepath.Abs("a.yaml")
	require.NoError(t, err)
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"distinct files", []string{"a.yaml", "b.yaml"}, []string{"a.yaml", "b.yaml"}},
		{"the same path twice", []string{"a.yaml", "b.yaml", "a.yaml"}, []string{"a.yaml", "b.yaml"}},
		{"two spellings of one file", []string{"./a.yaml", "x/../a.yaml", abs}, []string{"./a.yaml"}},
		{"same name in two folders", []string{"x/a.yaml", "y/a.yaml"}, []string{"x/a.yaml", "y/a.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, uniquePaths(tt.in))
		})
	}
}

// Loading a file twice loads it once, instead of reporting each of its
// definitions as a duplicate of itself.
func TestLoadSameFileTwice(t *testing.T) {
	path := filepath.Join("..", "examples", "custom-tiers", "tiers.yaml")
	once, err := Load(path)
	require.NoError(t, err)
	twice, err := Load(path, "./"+path)
	require.NoError(t, err)
	assert.Equal(t, once.Tiers(), twice.Tiers())
	assert.Equal(t, once.Rules(), twice.Rules())
}
