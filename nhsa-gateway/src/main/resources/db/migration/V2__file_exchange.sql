-- 9101 / 9102 文件上传 / 下载 (issue 27): the files 3202 exchanges, an institution's detail file uploaded
-- and the result file the gateway writes, each kept until its download deadline (dld_endtime)
create table exchange_file (
    file_qury_no varchar(40) primary key,
    fixmedins_code varchar(32) not null,
    kind varchar(8) not null check (kind in ('UPLOAD', 'RESULT')),
    filename varchar(200) not null,
    content bytea not null,
    created_at timestamptz not null,
    download_until timestamptz not null
);
create index exchange_file_expiry on exchange_file (download_until);

-- 3202's result names each settlement's msgid (for a 2601): the journal by settlement
create index journal_by_settlement on journal (fixmedins_code, settlement_id) where settlement_id is not null;
