package dev.issuecommand.events.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of the durable event log; its id is the SSE event id, increasing monotonically. */
@Entity
@Table(name = "events")
public class EventRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "type", nullable = false)
    private String type;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "payload", nullable = false)
    private String payload;

    protected EventRecord() {
    }

    public EventRecord(String type, long createdAt, String payload) {
        this.type = type;
        this.createdAt = createdAt;
        this.payload = payload;
    }

    public Long eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    public long createdAt() {
        return createdAt;
    }

    public String payload() {
        return payload;
    }
}
