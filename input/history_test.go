package input

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/tiercel/tiercel/internal/readfile"
)

func TestHistoryFormat(t *testing.T) {
	assert.Equal(t, "csv", HistoryFormat("a/b.CSV"))
	assert.Equal(t, "jsonl", HistoryFormat("b.jsonl"))
	assert.Equal(t, "", HistoryFormat("b.json"))
}

func TestLoadHistory(t *testing.T) {
	dir := t.TempDir()
	csvPath := filepath.Join(dir, "h.csv")
	require.NoError(t, os.WriteFile(csvPath, []byte("opened,priority\n2026-03-06,P3\n"), 0o600))
	jsonlPath := filepath.Join(dir, "h.txt")
	require.NoError(t, os.WriteFile(jsonlPath, []byte(`{"opened": "2026-03-06", "priority": "P3"}`+"\n"), 0o600))

	h, err := LoadHistory(csvPath, "")
	require.NoError(t, err)
	assert.Len(t, h.Cases, 1)
	h, err = LoadHistory(jsonlPath, "jsonl")
	require.NoError(t, err)
	assert.Equal(t, []int{1}, h.Lines)

	_, err = LoadHistory(jsonlPath, "")
	assert.ErrorIs(t, err, ErrInvalidHistory, "no format and no extension that names one")
	_, err = LoadHistory(dir, "csv")
	assert.ErrorIs(t, err, ErrInvalidHistory)
	assert.ErrorIs(t, err, readfile.ErrNotRegular)
}
