//! A server that died mid-write: a record with a torn last line and a register with a torn
//! last line are repaired when the class is opened again, the trainee resumes at the last
//! line acknowledged, and a folder of another class is refused.

mod common;

use std::io::Write;
use std::time::Duration;

use lost_order_class::server::REGISTER_FILE;
use lost_order_class::{
    ClassLink, ClassOptions, ClassRecord, Credentials, Limits, ServeError, serve,
};
use lost_order_core::engine::{Dice, Session};
use lost_order_core::policy::Policy;
use lost_order_core::record::read_record;

fn append(path: &std::path::Path, text: &str) {
    let mut f = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    f.write_all(text.as_bytes()).unwrap();
}

#[test]
fn torn_lines_left_by_a_crash_are_repaired_and_the_trainee_resumes() {
    let dir = common::fresh_dir("crash");
    let class = dir.join("class");
    let server = common::class_server(&class, common::loopback(), Limits::default());
    let (addr, code) = (server.addr(), server.code().to_string());
    let credentials = Credentials {
        url: server.url(),
        code: code.clone(),
        name: "Chen Jing".into(),
        device: "pad-3".into(),
    };
    let (link, joined) = ClassLink::join(credentials.clone(), None, 0).unwrap();
    let mut session = Session::new(common::flagship_scenario(), joined.seed);
    let writer = lost_order_app::records::start(&dir.join("local"), &session, "Chen Jing").unwrap();
    let mut record = ClassRecord::new(writer, link);
    let mut dice = Dice::new(9);
    for _ in 0..4 {
        let d = Policy::FullCoverage.decide(&session, &mut dice);
        session.apply(&d).unwrap();
        record.sync(&session).unwrap();
    }
    assert!(record.link().flush(Duration::from_secs(5)));
    drop(record);
    server.stop();

    // The crash: half a line at the end of the record and of the register.
    let served = std::fs::read_dir(&class)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".record.ron"))
        .unwrap();
    append(&served, "Decision((week:1,decision:EndW");
    append(&class.join(REGISTER_FILE), "{\"Trainee\":{\"session\":\"ab");

    let again = common::class_server(&class, addr, Limits::default());
    assert_eq!(again.code(), code);
    assert_eq!(again.trainees_at_start(), 1);
    assert_eq!(again.warnings().len(), 1, "{:?}", again.warnings());
    assert!(
        again.warnings()[0].contains(REGISTER_FILE),
        "{:?}",
        again.warnings()
    );
    let text = std::fs::read_to_string(&served).unwrap();
    assert!(
        !text.contains("EndW") && text.ends_with('\n'),
        "the torn tail is gone"
    );
    let register = std::fs::read_to_string(class.join(REGISTER_FILE)).unwrap();
    assert!(
        register.ends_with('\n') && !register.contains("\"ab"),
        "{register}"
    );

    let (link, rejoined) = ClassLink::join(credentials, None, 1).unwrap();
    assert_eq!(
        (rejoined.session.as_str(), rejoined.lines),
        (joined.session.as_str(), 4)
    );
    // The trainee goes on from the local record.
    let local_path = std::fs::read_dir(dir.join("local"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().ends_with(".record.ron"))
        .unwrap();
    let local = read_record(&local_path).unwrap();
    let mut writer = lost_order_core::record::RecordWriter::resume(&local_path, &local).unwrap();
    let d = Policy::FullCoverage.decide(&session, &mut dice);
    session.apply(&d).unwrap();
    writer.sync(&session).unwrap();
    let mut record = ClassRecord::new(writer, link);
    record.sync(&session).unwrap();
    assert!(record.link().flush(Duration::from_secs(5)));
    assert_eq!(record.link().acknowledged(), 5);
    assert_eq!(read_record(&served).unwrap().decisions, session.decisions());
    drop(record);
    drop(again);

    // Another seed on the same folder is another class: refused.
    let other = serve(ClassOptions {
        dir: class.clone(),
        bind: common::loopback(),
        scenario: common::flagship(),
        seed: Some(8),
        code: None,
        roster: None,
        limits: Limits::default(),
    });
    assert!(
        matches!(other, Err(ServeError::OtherClass { .. })),
        "{other:?}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
