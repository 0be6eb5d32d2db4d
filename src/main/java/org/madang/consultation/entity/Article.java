package org.madang.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.madang.platform.personaldata.NotPersonalData;

/** One numbered article or section of the draft text; comments can point into its body by character offsets. */
@Entity
@Table(name = "consultation_article")
public class Article {

    @Id
    private UUID id;
    @Column(name = "consultation_id", nullable = false)
    private UUID consultationId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String label;
    @Column(nullable = false)
    private String heading;
    @Column(nullable = false)
    @NotPersonalData("a numbered article of a ministry's draft, published by the ministry")
    private String body;

    protected Article() {
    }

    public Article(UUID consultationId, int position, String label, String heading, String body) {
        this.id = UUID.randomUUID();
        this.consultationId = consultationId;
        this.position = position;
        this.label = label;
        this.heading = heading;
        this.body = body;
    }

    public UUID id() { return id; }
    public UUID consultationId() { return consultationId; }
    public int position() { return position; }
    public String label() { return label; }
    public String heading() { return heading; }
    public String body() { return body; }
}
