package br.com.metasandbox.state;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Resumable Upload API sessions and their bytes. */
@Repository
public class SandboxUploads {

    public record Upload(
            String id,
            String fileName,
            long fileLength,
            String fileType,
            long fileOffset,
            @Nullable String handle) {}

    public record Picture(String fileType, byte[] content) {}

    private final JdbcClient jdbc;

    SandboxUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Upload upload, String appId, Instant now) {
        jdbc.sql("""
                        insert into sandbox_uploads (upload_id, app_id, file_name, file_length, file_type, file_offset,
                            created_at)
                        values (:id, :app, :name, :length, :type, 0, :now)""")
                .param("id", upload.id())
                .param("app", appId)
                .param("name", upload.fileName())
                .param("length", upload.fileLength())
                .param("type", upload.fileType())
                .param("now", SqlTimes.utc(now))
                .update();
    }

    public Optional<Upload> find(String id) {
        return jdbc.sql("""
                        select upload_id, file_name, file_length, file_type, file_offset, handle
                        from sandbox_uploads where upload_id = :id""")
                .param("id", id)
                .query((rs, row) -> new Upload(
                        rs.getString("upload_id"),
                        rs.getString("file_name"),
                        rs.getLong("file_length"),
                        rs.getString("file_type"),
                        rs.getLong("file_offset"),
                        rs.getString("handle")))
                .optional();
    }

    public byte[] content(String id) {
        return jdbc.sql("select content from sandbox_uploads where upload_id = :id")
                .param("id", id)
                .query((rs, row) -> {
                    byte[] bytes = rs.getBytes("content");
                    return bytes == null ? new byte[0] : bytes;
                })
                .single();
    }

    /** Stores the bytes so far if nobody wrote since {@code expectedOffset} was read (several nodes). */
    public boolean write(String id, long expectedOffset, byte[] content, @Nullable String handle) {
        return jdbc.sql("""
                        update sandbox_uploads set content = :content, file_offset = :offset, handle = :handle
                        where upload_id = :id and file_offset = :expected""")
                        .param("content", content)
                        .param("offset", (long) content.length)
                        .param("handle", handle)
                        .param("id", id)
                        .param("expected", expectedOffset)
                        .update()
                == 1;
    }

    public boolean handleIssued(String handle) {
        return jdbc.sql("select count(*) from sandbox_uploads where handle = :handle")
                        .param("handle", handle)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public Optional<Picture> byHandle(String handle) {
        return jdbc.sql("select file_type, content from sandbox_uploads where handle = :handle")
                .param("handle", handle)
                .query((rs, row) -> new Picture(rs.getString("file_type"), rs.getBytes("content")))
                .optional();
    }
}
