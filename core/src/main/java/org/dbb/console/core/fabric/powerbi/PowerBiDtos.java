package org.dbb.console.core.fabric.powerbi;

import static org.dbb.console.core.fabric.http.JsonCodec.optional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.dbb.console.core.fabric.http.WireTimes;

/**
 * The Power BI refresh bodies as Jackson reads and writes them, and their one conversion into the domain records.
 * Nothing outside this package sees these types. Immutable.
 */
final class PowerBiDtos {

    private PowerBiDtos() {
    }

    record ObjectDto(String table, String partition) {
    }

    record RefreshRequestDto(String type, String commitMode, Integer maxParallelism, Integer retryCount,
            List<ObjectDto> objects, Boolean applyRefreshPolicy, String effectiveDate, String timeout) {

        static RefreshRequestDto of(RefreshRequest r) {
            return new RefreshRequestDto(r.type().wireName(), r.commitMode().wireName(),
                    r.maxParallelism().isPresent() ? r.maxParallelism().getAsInt() : null,
                    r.retryCount().isPresent() ? r.retryCount().getAsInt() : null,
                    r.objects().isEmpty() ? null : r.objects().stream()
                            .map(o -> new ObjectDto(o.table(), o.partition().orElse(null))).toList(),
                    r.effectiveApplyRefreshPolicy().orElse(null),
                    r.effectiveDate().map(Object::toString).orElse(null),
                    r.timeoutText().orElse(null));
        }
    }

    record ObjectStatusDto(String table, String partition, String status) {

        RefreshObjectStatus toDomain() {
            return new RefreshObjectStatus(table == null ? "" : table, optional(partition),
                    RefreshState.parse(status), status == null ? "" : status);
        }
    }

    record MessageDto(String code, String message, String type) {

        RefreshMessage toDomain() {
            return new RefreshMessage(code == null ? "" : code, message == null ? "" : message,
                    type == null ? "" : type);
        }
    }

    record AttemptDto(Integer attemptId, String type, String startTime, String endTime, String serviceExceptionJson) {

        RefreshAttempt toDomain() {
            return new RefreshAttempt(attemptId == null ? 0 : attemptId, type == null ? "" : type,
                    WireTimes.parse(startTime), WireTimes.parse(endTime), optional(serviceExceptionJson));
        }
    }

    record RefreshDetailDto(String startTime, String endTime, String type, String commitMode, String status,
            String extendedStatus, Integer numberOfAttempts, List<ObjectStatusDto> objects, List<MessageDto> messages,
            List<AttemptDto> refreshAttempts) {

        RefreshDetail toDomain(String refreshId, Optional<Duration> retryAfter) {
            return new RefreshDetail(refreshId,
                    RefreshState.derive(extendedStatus, status, WireTimes.parse(endTime).isPresent()),
                    extendedStatus == null ? "" : extendedStatus, status == null ? "" : status,
                    WireTimes.parse(startTime), WireTimes.parse(endTime), optional(type), optional(commitMode),
                    numberOfAttempts == null ? 0 : numberOfAttempts,
                    objects == null ? List.of() : objects.stream().map(ObjectStatusDto::toDomain).toList(),
                    messages == null ? List.of() : messages.stream().map(MessageDto::toDomain).toList(),
                    refreshAttempts == null ? List.of() : refreshAttempts.stream().map(AttemptDto::toDomain).toList(),
                    retryAfter);
        }
    }

    record HistoryEntryDto(Long id, String requestId, String refreshType, String startTime, String endTime,
            String status, String extendedStatus, String serviceExceptionJson) {

        RefreshHistoryEntry toDomain() {
            return new RefreshHistoryEntry(requestId == null ? "" : requestId,
                    id == null ? OptionalLong.empty() : OptionalLong.of(id), refreshType == null ? "" : refreshType,
                    RefreshState.derive(extendedStatus, status, WireTimes.parse(endTime).isPresent()),
                    status == null ? "" : status, WireTimes.parse(startTime), WireTimes.parse(endTime),
                    optional(serviceExceptionJson));
        }
    }

    record HistoryDto(List<HistoryEntryDto> value) {
    }
}
