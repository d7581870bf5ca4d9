package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Load reads regular files only, up to 16 MiB, and says which rule a path
// broke with the exported sentinels.
func TestLoadReadsRegularFilesOnly(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	f, err := os.Create(big)
	if err == nil {
		err = f.Truncate(16<<20 + 1)
		f.Close()
	}
	assert.NoError(t, err)
	_, err = Load(dir)
	assert.ErrorIs(t, err, ErrNotRegularFile)
	assert.ErrorIs(t, err, ErrInvalidCatalog)
	_, err = Load(big)
	assert.ErrorIs(t, err, ErrInputTooLarge)
	assert.True(t, strings.HasPrefix(err.Error(), "invalid catalog: "), err.Error())
}
