package org.madang.ballot.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * manifest.json as far as verification needs it: the contests with their limits and options.
 * The exact published bytes are kept, because H_M hashes the file, not a re-serialisation.
 */
public record Manifest(byte[] bytes, String electionScopeId, List<Contest> contests, List<BallotStyle> ballotStyles) {

    /**
     * @param contestLimit L, the most votes a ballot may cast in the contest ("votes_allowed")
     * @param optionLimit R, the most votes one option may receive ("option_selection_limit", default 1)
     */
    public record Contest(String contestId, int sequenceOrder, String electoralDistrictId, int contestLimit,
                          int optionLimit, List<Selection> selections) {
        public Contest {
            selections = List.copyOf(selections);
        }
    }

    public record Selection(String selectionId, int sequenceOrder, String candidateId) {
    }

    public record BallotStyle(String ballotStyleId, List<String> geopoliticalUnitIds) {
        public BallotStyle {
            geopoliticalUnitIds = List.copyOf(geopoliticalUnitIds);
        }
    }

    public Manifest {
        bytes = bytes.clone();
        contests = List.copyOf(contests);
        ballotStyles = List.copyOf(ballotStyles);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public Optional<Contest> contest(String contestId) {
        return Optional.ofNullable(contestsById().get(contestId));
    }

    public Map<String, Contest> contestsById() {
        return contests.stream().collect(Collectors.toMap(Contest::contestId, Function.identity(), (a, b) -> a));
    }
}
