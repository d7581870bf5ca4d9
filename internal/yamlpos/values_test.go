package yamlpos

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDecoderValues(t *testing.T) {
	t.Run("duplicate list values", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("k: [en, fr, en]\n"), errKind)
		root := d.Document()
		fields := d.Mapping(root, "", nil)
		assert.Equal(t, []string{"en", "fr"}, d.Strings(fields[0]))
		require.Len(t, d.Errors(), 1)
		assert.Equal(t, `t.yaml:1:13: k[2]: duplicate value "en"`, d.Errors()[0].Error())
	})
	t.Run("null where a scalar is required", func(t *testing.T) {
		d := NewDecoder("t.yaml", []byte("k:\n"), errKind)
		root := d.Document()
		fields := d.Mapping(root, "", nil)
		_, ok := d.Str(fields[0])
		assert.False(t, ok)
		require.Len(t, d.Errors(), 1)
		assert.Equal(t, "t.yaml:1:3: k: must be a scalar, got null", d.Errors()[0].Error())
	})
}
