package rules

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The codes of lint findings. Each is stable: scripts and ignore comments
// name it. Lint documents what each detects.
const (
	// LintUnreachableRule: a rule that can never match, because an earlier
	// rule of the same metric whose when is the literal true (no
	// condition) catches every tier and priority its filters allow; rules
	// decide first match first.
	LintUnreachableRule = "unreachable-rule"
	// LintStartImpliesStop: a lifecycle metric whose start condition
	// implies its stop condition (one of ServiceNow's SLA condition traps):
	// each start event achieves the running cycle and starts another, so
	// no cycle runs past the next start.
	LintStartImpliesStop = "start-implies-stop"
	// LintPauseImpliesStart: a lifecycle metric whose pause condition
	// implies its start condition (the other ServiceNow trap): with no
	// cycle running, a pausing event starts one, paused at once.
	LintPauseImpliesStart = "pause-implies-start"
	// LintTargetBeyondYear: a target longer than its calendar is open in
	// the year 2026 (holidays and closed dates of that year counted).
	LintTargetBeyondYear = "target-beyond-year"
	// LintMigrationToLegacy: a migration that moves contracts to a legacy
	// tier, the kind migrations move contracts off.
	LintMigrationToLegacy = "migration-to-legacy"
)

// LintCodes returns every lint code, in the order of the constants.
func LintCodes() []string {
	return []string{LintUnreachableRule, LintStartImpliesStop, LintPauseImpliesStart,
		LintTargetBeyondYear, LintMigrationToLegacy}
}

// Finding is one thing Lint found: a catalog that compiles but is
// probably wrong. It is a plain value.
type Finding struct {
	File         string
	Line, Column int    // 1-based position of the definition at fault
	Code         string // one of LintCodes
	Message      string
}

// String returns "file:line:col: CODE: message".
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.File, f.Line, f.Column, f.Code, f.Message)
}

// Lint reads and compiles catalog files as Load does and reports what
// compiles but is probably wrong, sorted by file and position. A catalog
// that does not compile is Load's error (an ErrorList wrapping
// ErrInvalidCatalog: a price version that changes currency, an alias equal
// to another tier's id, a calendar open 0 hours a week and the like are
// refused there), and no findings.
//
// A finding is silenced by a comment "# tiercel:lint-ignore CODE" (several
// codes separated by commas or spaces) at the end of the finding's line or
// alone on the line above it. Lint is safe for concurrent use.
func Lint(paths ...string) ([]Finding, error) {
	paths, srcs, err := readCatalogs(paths)
	if err != nil {
		return nil, err
	}
	return lintFiles(paths, srcs, true)
}

// LintSource is Lint on one catalog document; name is its file name in
// positions.
func LintSource(name string, src []byte) ([]Finding, error) {
	return lintFiles([]string{name}, [][]byte{src}, false)
}

// lintFiles lints the documents srcs, named names; fromFiles says they
// were read from the files so named (see compileDocs).
func lintFiles(names []string, srcs [][]byte, fromFiles bool) ([]Finding, error) {
	e, all, err := compileDocs(names, srcs, fromFiles)
	if err != nil {
		return nil, err
	}
	l := &linter{e: e, all: all}
	l.unreachableRules()
	l.lifecycleTraps()
	l.targets()
	l.migrations()
	ignored := map[string]map[int][]string{}
	for i, n := range names {
		ignored[n] = ignoreComments(srcs[i])
	}
	out := slices.DeleteFunc(l.found, func(f Finding) bool {
		return slices.Contains(ignored[f.File][f.Line], f.Code)
	})
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(slices.Index(names, a.File), slices.Index(names, b.File)),
			cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), strings.Compare(a.Code, b.Code))
	})
	return out, nil
}

// linter gathers the findings of one catalog.
type linter struct {
	e     *Engine
	all   *catalogFile
	found []Finding
}

// add records a finding at p.
func (l *linter) add(p pos, code, format string, args ...any) {
	l.found = append(l.found, Finding{File: p.File, Line: p.Line, Column: p.Column, Code: code, Message: fmt.Sprintf(format, args...)})
}

// ignoreComment matches "# tiercel:lint-ignore CODE[, CODE...]" and
// captures the codes.
var ignoreComment = regexp.MustCompile(`#\s*tiercel:lint-ignore\s+([a-z0-9, -]+)`)

// ignoreComments returns, by line, the codes silenced there: those of a
// comment at the end of the line, and those of a comment alone on the line
// above.
func ignoreComments(src []byte) map[int][]string {
	out := map[int][]string{}
	for i, line := range strings.Split(string(src), "\n") {
		m := ignoreComment.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		codes := strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' })
		n := i + 1
		out[n] = append(out[n], codes...)
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			out[n+1] = append(out[n+1], codes...)
		}
	}
	return out
}
