package yamlpos

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJoinQuotesUnusualKeys(t *testing.T) {
	assert.Equal(t, "tiers", Join("", "tiers"))
	assert.Equal(t, "tiers.looker-premier", Join("tiers", "looker-premier"))
	assert.Equal(t, "permissions.cases.create", Join("permissions", "cases.create"))
	assert.Equal(t, `tiers."Bad Tier"`, Join("tiers", "Bad Tier"))
	assert.Equal(t, `x.""`, Join("x", ""))
	assert.Equal(t, "rules[2]", Index("rules", 2))
}

func TestPlainKey(t *testing.T) {
	tests := []struct {
		key  string
		want bool
	}{
		{"tiers", true}, {"P1", true}, {"_x", true}, {"9to5", true},
		{"a.b/c-d_e", true}, {"", false}, {"-a", false}, {".a", false},
		{"/a", false}, {"a b", false}, {"é", false}, {"a:b", false},
	}
	for _, tc := range tests {
		t.Run(tc.key, func(t *testing.T) {
			assert.Equal(t, tc.want, plainKey(tc.key))
			assert.Equal(t, tc.want, regexp.MustCompile(`^[A-Za-z0-9_][A-Za-z0-9_./-]*$`).MatchString(tc.key), "the pattern plainKey implements")
		})
	}
}

func TestDecoderMappings(t *testing.T) {
	t.Run("aliases are followed", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("a: &x {p: 1}\nb: *x\n"), errKind)
		root := d.Document()
		fields := d.Mapping(root, "", []string{"a", "b"})
		require.Len(t, fields, 2)
		inner := d.Mapping(fields[1].Value, fields[1].Path, []string{"p"})
		require.Len(t, inner, 1)
		assert.Equal(t, "1", inner[0].Value.Value)
		assert.Empty(t, d.Errors())
	})
	t.Run("merge keys are rejected", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("a: &x {p: 1}\nb:\n  <<: *x\n"), errKind)
		root := d.Document()
		fields := d.Mapping(root, "", nil)
		d.Mapping(fields[1].Value, fields[1].Path, nil)
		require.Len(t, d.Errors(), 1)
		assert.Equal(t, "t.yaml:3:3: b: merge keys (<<) are not supported", d.Errors()[0].Error())
	})
	t.Run("non-scalar keys are rejected", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("? [a]\n: 1\n"), errKind)
		root := d.Document()
		d.Mapping(root, "", nil)
		require.Len(t, d.Errors(), 1)
		assert.Equal(t, "t.yaml:1:3: keys must be scalars", d.Errors()[0].Error())
	})
}
