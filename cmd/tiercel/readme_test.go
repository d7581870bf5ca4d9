package main

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/tiercel/tiercel/rules"
	"github.com/tiercel/tiercel/suite"
)

// block is a fenced block of the README.
type block struct {
	lang  string
	line  int // line of the opening fence
	lines []string
}

func readmeBlocks(t *testing.T, path string) []block {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var blocks []block
	var cur *block
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &block{lang: strings.TrimSpace(strings.TrimPrefix(line, "```")), line: n}
		case cur != nil && strings.HasPrefix(line, "```"):
			blocks = append(blocks, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		}
	}
	require.NoError(t, sc.Err())
	require.Nil(t, cur, "unterminated block")
	return blocks
}

var exitComment = regexp.MustCompile(`\s+#\s*exit (\d+)\s*$`)

// TestReadmeCommands runs every tiercel command of the README's sh blocks
// from the repository's root, as a new user would, and compares the output
// with the text block that follows when there is one.
func TestReadmeCommands(t *testing.T) {
	blocks := readmeBlocks(t, "../../README.md")
	t.Chdir("../..")
	ran := 0
	for i, b := range blocks {
		if b.lang != "sh" {
			continue
		}
		var cmds []string
		for _, l := range b.lines {
			l = strings.TrimSpace(l)
			if strings.HasPrefix(l, "go run ./cmd/tiercel ") || strings.HasPrefix(l, "tiercel ") {
				cmds = append(cmds, l)
			}
		}
		for _, c := range cmds {
			t.Run(c, func(t *testing.T) {
				want := exitOK
				if m := exitComment.FindStringSubmatch(c); m != nil {
					want, _ = strconv.Atoi(m[1])
					c = c[:len(c)-len(m[0])]
				}
				line := strings.TrimPrefix(strings.TrimPrefix(c, "go run ./cmd/tiercel "), "tiercel ")
				stdout, stderr, code := runCmd(t, splitWords(t, line)...)
				require.Equal(t, want, code, "README.md:%d: %s\n%s%s", b.line, c, stdout, stderr)
				if len(cmds) == 1 && i+1 < len(blocks) && blocks[i+1].lang == "text" {
					next := blocks[i+1]
					// iCalendar output ends its lines with CRLF; the README shows LF
					assert.Equal(t, strings.Join(next.lines, "\n")+"\n", strings.ReplaceAll(stdout+stderr, "\r\n", "\n"),
						"README.md:%d: the output shown differs from what %s prints", next.line, c)
				}
			})
			ran++
		}
	}
	assert.GreaterOrEqual(t, ran, 8, "the README's commands were found")
}

// TestReadmeYAML compiles the README's catalog and runs its suite against
// the embedded catalog.
func TestReadmeYAML(t *testing.T) {
	var catalogs, suites, workflows int
	for _, b := range readmeBlocks(t, "../../README.md") {
		if b.lang != "yaml" {
			continue
		}
		src := []byte(strings.Join(b.lines, "\n") + "\n")
		if strings.Contains("\n"+string(src), "\njobs:") {
			checkWorkflow(t, b.line, src)
			workflows++
			continue
		}
		if !strings.Contains("\n"+string(src), "\ntests:") {
			_, err := rules.Compile("README.md", src)
			assert.NoError(t, err, "README.md:%d", b.line)
			findings, err := rules.LintSource("README.md", src)
			assert.NoError(t, err, "README.md:%d", b.line)
			assert.Empty(t, findings, "README.md:%d: the README's catalogs are lint-clean (or silence what they show)", b.line)
			catalogs++
			continue
		}
		s, err := suite.Parse("README.md", src)
		require.NoError(t, err, "README.md:%d", b.line)
		for _, r := range s.RunEngine(rules.Default()) {
			assert.True(t, r.Passed, "README.md:%d:\n%s", b.line, r)
		}
		suites++
	}
	assert.Equal(t, 2, catalogs)
	assert.Equal(t, 2, suites)
	assert.Equal(t, 1, workflows)
}

// checkWorkflow reads the README's GitHub Actions job: YAML whose steps
// run tiercel's suites with a JUnit report, with flags tiercel test has.
func checkWorkflow(t *testing.T, line int, src []byte) {
	t.Helper()
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	require.NoError(t, yaml.Unmarshal(src, &wf), "README.md:%d", line)
	var runs []string
	for _, j := range wf.Jobs {
		for _, st := range j.Steps {
			if strings.HasPrefix(st.Run, "tiercel ") {
				runs = append(runs, st.Run)
			}
		}
	}
	require.NotEmpty(t, runs, "README.md:%d: the job runs tiercel", line)
	found := false
	for _, r := range runs {
		words := strings.Fields(r)
		help, _, code := runCmd(t, words[1], "--help")
		assert.Equal(t, exitOK, code, "README.md:%d: %s: tiercel has no command %q", line, r, words[1])
		for _, w := range words[2:] {
			if name, ok := strings.CutPrefix(w, "--"); ok {
				name, _, _ = strings.Cut(name, "=")
				assert.Regexp(t, `(?m)^  -`+regexp.QuoteMeta(name)+`\b`, help, "README.md:%d: %s: tiercel %s has no flag --%s", line, r, words[1], name)
			}
		}
		found = found || strings.HasPrefix(r, "tiercel test --junit ")
	}
	assert.True(t, found, "README.md:%d: the job runs the suites with --junit", line)
}
